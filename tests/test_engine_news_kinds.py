"""Each kind of story the real-news set names, written here as two wire-style sentences with invented names and
numbers: sources that differ must be flagged, and figures that only look alike (other places, days, parts, goals,
baselines, earlier events, listed kinds) must not. A failure names the sentence; the engine's notes say why."""

from __future__ import annotations

import pytest

from bot.engine import analyze

DIFFERING = [
    "The company earned an adjusted $0.22 per share in the quarter. Wall Street was looking for $0.19, according to a consensus of analysts.",
    "Prime Minister Kell said five people were killed. \"At this time, I can confirm that four individuals are deceased,\" the police superintendent said.",
    "The ministry said two people had died in the outbreak. A doctor at the district hospital said at least four children had died in the outbreak.",
    "The refugee agency said 34 people were confirmed dead and 123 others were still missing. The agency had said earlier that 140 people were missing.",
    "Gross domestic product contracted at a 31.4% annual rate in the second quarter, the statistics office said, compared with a prior estimated 31.7% decline.",
    "The economy grew 2.1 percent in the quarter, the agency said, above the previously reported 1.8 percent.",
    "Fires in Kessel county smaller than thought\n\nThe Kessel Forest Service has revised down the number of acres burned in last week's wildfires. The agency said on Tuesday that around 163,000 acres burned on Dec. 15, not the 400,000 that was first estimated.",
    "Barge spill larger than reported\n\nThe company said the amount of oil spilled into Osler Bay on April 27 was approximately 98,000 gallons, not the 14,700 gallons Varne had originally reported.",
    "Thirty-six people were killed in the airstrike, the mission said. A witness said at least 50 civilians were killed in the airstrike.",
    'The electoral commission put turnout at 52.3 percent. Opposition monitors said no more than 30 percent of voters had cast ballots.',
    'Turnout was 41 percent, according to official figures, but the opposition alliance said its observers had recorded a turnout of about 25 percent.',
    'The ministry said 9,500 teachers, or 12 percent of the total, had joined the strike. The union said participation was above 60 percent.',
    'About 1,800 schools were closed, the union said, while the education ministry said only 640 had shut.',
    'The commission said 4.1 million people voted, a turnout of 60.3 percent. Independent observers estimated turnout at 48 percent.',
    "The U.S. Geological Survey initially reported the quake's magnitude as 7.3, then downgraded it to 7.0. Japan's Meteorological Agency put it at 6.9.",
    'The quake measured 6.4 on the Richter scale, according to the state seismological bureau, while the USGS measured it at 6.1.',
    'Parents said 234 girls were missing, while education officials put the number at 85.',
    "Israel's military says 1,200 people were killed in the attack, revising an earlier figure of 1,400.",
    "Ukraine's general staff said 1,020 Russian troops were killed over the past day. Russia did not comment, but its defence ministry said it had killed 360 Ukrainian soldiers.",
    'An Associated Press count put the number of dead at 36. The provincial health minister said 29 people had been killed.',
    'The organisers estimated that half a million people had joined the march, while the authorities spoke of 150,000.',
    "According to the education ministry, 120 schools were closed on Monday. The teachers' union put the figure at more than 300.",
    'The boat, which was designed to carry 30 people, had about 90 migrants on board, the coast guard said. Survivors said there were more than 150 people aboard.',
    'Local officials said 17 people were confirmed dead, while hospital sources put the toll at 24.',
    'The interior ministry reported 1,204 arrests nationwide. Human rights groups counted more than 2,000.',
    'The death toll stood at 61, according to the government. The opposition said the real figure was closer to 200.',
    'The company earned 84 cents a share, excluding items, versus the average analyst estimate of 79 cents, according to LSEG data.',
    'The company now sees full-year revenue of $8.1 billion to $8.3 billion, down from its previous forecast of $8.6 billion to $8.8 billion.',
    'Kelvar raised its full-year profit outlook to 2.4 billion euros from 2.1 billion euros.',
    'Adjusted earnings per share were $2.05, ahead of the $1.98 that analysts had on average expected.',
    "The government's second estimate showed the economy grew 1.1 percent in the first quarter, down from the first estimate of 1.3 percent.",
    "June's payrolls figure was revised down to 118,000 from 206,000, the Labor Department said.",
    'Nonfarm payrolls increased by 187,000 jobs last month, the Labor Department said. Economists polled by Reuters had forecast 170,000 jobs.',
    "The company forecast second-quarter revenue of $12.1 billion to $12.3 billion, below analysts' average estimate of $13.1 billion.",
    'Annual inflation slowed to 2.4 percent in April, the statistics office said. Economists polled by Reuters had expected a rate of 2.6 percent.',
    'The economy grew 2.1 percent in the third quarter, beating forecasts of 1.8 percent.',
    'Inflation rose to 3.4 percent in March, above the 3.1 percent median estimate of economists surveyed by Bloomberg.',
    'Retail sales rose 0.6 percent in April, compared with expectations for 0.3 percent, the Commerce Department said.',
    'Industrial output fell 0.4 percent in May, the statistics office said. The median forecast in a Reuters poll was for a 0.2 percent rise.',
    'Norcap reported earnings of $1.12 a share. Analysts on average had expected earnings of $1.05 a share, according to LSEG data.',
    'Employers added 88,000 jobs in June, well below the 175,000 jobs forecast by economists, the Labor Department said.',
    "Revenue rose 8% to $2.3 billion, topping analysts' estimates of $2.2 billion.",
    'The unemployment rate fell to 5.2 percent, the bureau said. A Reuters poll had forecast 5.4 percent.',
    'Quarterly profit came to 412 million euros, short of the 440 million euros expected in a company-compiled consensus.',
    "U.S. employers added 150,000 jobs last month. Economists polled by Reuters had forecast payrolls increasing by 180,000 jobs.",
    "Gross domestic product expanded 0.4 percent in the quarter. Analysts had expected growth of 0.6 percent.",
    "Earnings per share came in at $1.12, compared with the $1.20 expected by analysts.",
    "The jobless rate rose to 4.1 percent in June, from 4.0 percent in May. Economists had forecast it would hold at 4.0 percent.",
    "Retail sales fell 0.9 percent in May, the statistics office said, against a forecast 0.3 percent rise in a Reuters poll.",
    "Second-quarter growth was revised up to 0.6 percent from an initial estimate of 0.4 percent, the statistics office said.",
    "A wildfire has scorched about 8,200 acres, fire officials said on Tuesday, far less than the 14,000 acres they estimated on Monday.",
    "Hackers stole the records of up to 383 million guests, the hotel group said on Friday, fewer than the 500 million it had estimated in November.",
    "PARIS (AFP) - Between 80,000 and 95,000 people marched in Paris on Thursday, according to the police, while an independent count for a group of media outlets put the crowd at 120,000 to 130,000. The union claimed 400,000 marchers in the capital and more than 2 million across France.",
    "Organisers said about 80,000 people joined the march in Kellport on Saturday. Police put the crowd at 25,000.",
    "The teachers' union said 70 percent of teachers walked out on Monday. The education ministry said only 18 percent of teachers joined the strike.",
    "Turnout in Sunday's election was 61.2 percent, the electoral commission said. The opposition said turnout was no higher than 35 percent.",
    "The Varnish Geological Survey measured the quake at magnitude 6.8. The national seismology centre put the magnitude at 7.1.",
    "The coast guard said 42 migrants were rescued from the boat. A charity that spoke to survivors said 61 people were rescued.",
    "The bank said on Tuesday that the data of 1.2 million customers had been stolen. It had earlier put the number of affected customers at 400,000.",
    "The company estimated that 5,000 barrels of oil a day were leaking from the well. Government scientists said as much as 25,000 barrels a day were leaking.",
    "Modeling firm Tarn Risk estimated insured losses at $3 billion to $5 billion. A rival firm, Orbis Analytics, put insured losses at $7 billion.",
    "The agriculture minister said floods had destroyed 12,000 hectares of rice. The disaster committee said 31,000 hectares of rice had been destroyed.",
    "Authorities said 14 people were killed in the stampede. A news agency count put the toll at 61.",
    "The health ministry said 38 people had died of cholera. The WHO said 52 deaths had been recorded.",
    "The airline said 153 passengers were on board. The aviation minister said there were 147 passengers on the plane.",
    "Unions said 2 million workers took part in the general strike. The government said 400,000 workers had stopped work.",
    "The monitoring group said at least 120 people were killed in the air strikes. The governor said 43 people died.",
    "The company said it would cut 1,800 jobs. The union said as many as 3,000 jobs would go.",
    "Officials said 90 people were missing after the floods. Rescuers later lowered the number of missing to 22.",
    "Kelvar Corp reported third-quarter revenue of $4.2 billion. Analysts polled by Refinitiv had expected revenue of $4.5 billion.",
    "The statistics office said the economy grew 1.1 percent in the second quarter, revising its earlier estimate of 0.8 percent.",
    "Authorities estimated the crowd at between 10,000 and 15,000 people. An independent monitor counted about 40,000 protesters.",
    "The U.N. mission said 36 civilians were killed in the air strike. Security sources said 12 people died.",
    "The health ministry said the outbreak had killed 180 people, down from the 230 deaths it reported last week.",
    "The government says 6,000 people have been killed in the anti-drug campaign. Rights groups say more than 20,000 people have died.",
    "Fire officials said the blaze had burned 12,000 acres by Thursday. They later revised the figure to 9,500 acres after mapping.",
    "At the peak of the floods, about 3.3 million people were living in camps, the U.N. said. The government said 2.1 million people were in camps.",
    "Police said 300 people were arrested during the protests. A monitoring group said 1,100 people were detained.",
    "The rebels said they still held 19 people. The government says 23 people remain in the group's hands.",
    "The militia said it was holding 12 hostages. Aid workers said 30 people remain in captivity.",
    "The company now expects full-year sales of $12 billion to $12.5 billion, down from its previous forecast of $13 billion.",
    "Officials said 48 people were still missing after the floods. The county sheriff said 160 people remained unaccounted for.",
    "The ministry said 21 workers were killed in the mine blast. The miners' union said 36 miners had died.",
    "Relief agencies said 250,000 people had fled their homes. The government put the number of displaced at 90,000.",
    "The stampede killed 717 pilgrims, the Saudi civil defence said. An AP count based on official statements put the toll at 2,411.",
    "The company said the breach affected 40 million cards. It later raised that figure to 70 million.",
    "At least 27 people were killed, according to the interior ministry. A hospital official said 41 bodies had been brought in.",
    "The death toll stood at 63, the civil defence agency said on Sunday. Local media, citing hospital sources, reported 88 deaths.",
    "Figures from the electoral commission showed turnout of 48.2 percent. Opposition monitors put turnout at 27 percent.",
    "The fire has scorched 8,200 hectares, the forestry service said. Regional officials gave a figure of 11,500 hectares.",
    "The agency reported 2,300 new infections on Friday. Provincial health officials reported 3,100 new infections on Friday.",
    "Kessmark Airlines said 212 people were aboard the flight. Airport officials said 198 passengers and crew were on board.",
    "The quake had a magnitude of 6.2, the national observatory said. The European centre reported a magnitude of 5.9.",
    "Union leaders said 85% of dockworkers stayed away. The port authority said 40% of dockworkers were absent.",
    "The insurer estimated damage at 2.1 billion euros. The government put the damage at 3.4 billion euros.",
    "The regional governor said 11 people had been confirmed dead. Rescue teams said they had recovered 19 bodies.",
    "The transport ministry said 3,400 flights were cancelled. Airlines said 5,100 flights had been cancelled.",
    "Death toll in Kessmark bus crash rises to 31\n\nKESSMARK (Reuters) - Thirty-one people were killed when a bus plunged into a ravine, police said on Monday. The regional governor's office said 24 people had died.",
    '"At least 40 people died in the fire," fire chief Anna Lind told reporters. The city\'s mayor said the fire had killed 28 people.',
    "Police: 1,500 arrested at Varno rallies\n\nPolice said 1,500 people were detained at rallies in Varno on Saturday. The rights group Legal Watch said more than 3,200 people had been detained.",
    "Rescuers have pulled 17 survivors from the rubble, the fire service said. The army said 25 people had been rescued.",
    "Protesters numbered about 20,000, according to the interior ministry. Organisers claimed 150,000 took part.",
    "A ministry spokesman put the number of dead at 112. The Red Crescent said 148 people had been killed.",
    "The government said 48 percent of eligible voters cast ballots. Independent observers estimated turnout at 31 percent.",
    "Nine people were injured in the blast, state media reported, while a hospital doctor said 23 people were being treated for injuries.",
    "The strike shut 340 schools, the teachers' federation said. Education authorities said only 95 schools were closed.",
    "About 60,000 people showed up at the rally, organisers said. Police said 18,000 people turned out.",
    "Organisers said 90,000 people protested on Sunday, while police said 30,000 took part.",
    "There were protests in Orvenna on Saturday (organisers' estimate: 90,000 people; police estimate: 35,000).",
    "Organisers said 400,000 people marched across the country, including 120,000 in Kellport, where police counted 40,000 marchers.",
    "The air strike in Halvik district killed 36 civilians, the U.N. mission said. Security sources said 12 people died.",
    "A protest in Tessen drew 40,000 people, organisers said. A rally in Lindau drew 12,000 people, police said. Police said 9,000 people had joined the protest in Tessen.",
    "Tarvex said it earned $1.12 a share, short of the $1.20 a share that analysts had expected.",
    "Analysts were expecting $4.3 billion but the company brought in just $4.1 billion.",
    "Tarvex said revenue for the quarter was $4.1 billion. This compares with analyst expectations of $4.3 billion.",
    "The official toll was 120, the ministry said, far below the 300 that rescue workers had counted.",
    "Kelvar reported a quarterly profit of 310 million euros, compared with analysts' expectations of 355 million euros.",
    "The electoral council said Vesk won 5.2 million votes. The opposition said its tallies showed 3.1 million votes for Vesk and 6.4 million for his rival, Dana Moor.",
    "Monitors counted 3.4 million votes for Vesk. That is well short of the 5.2 million votes the council said Vesk had won.",
    "Modeler Tarn Risk put insured losses at $3 billion. Orbis Analytics gave a loss estimate of $5 billion.",
    "A news agency count shows at least 1,450 people died in the crush. Officials said their official figure of 770 killed remains accurate. Kessia says it had 460 pilgrims killed, while Marsk lost 140.",
    "Kelvar reported earnings of $8.42 a share, well above the $8.04 that analysts were looking for.",
    "The Central Election Commission declared that turnout in Sunday's polls was 74.3 percent, a news agency reported. The party said its monitors believed only 38 percent of the electorate had voted.",
    "Tessen's health ministry says 2,100 people have been killed since the fighting began. The U.N. human rights office has verified 1,300 civilian deaths.",
    "The health ministry revised the number of suspected cases down to 1,200 on Tuesday. The WHO said there were at least 2,000 suspected cases.",
    "The federal agency has confirmed 51 cases. The state health department said it had confirmed 64 cases.",
    "The fire has burned 40,000 acres, the fire service said on Monday. On Tuesday officials revised the figure down to 36,000 acres after better mapping.",
    "Employers added 151,000 jobs in August, the Labor Department said. Economists had forecast a gain of 180,000 jobs.",
    "The Varnish Geological Survey said the quake measured 7.8. The national earthquake administration put the magnitude at 8.0.",
    "Police say 4,000 suspects have been killed in anti-drug operations. Human rights groups put the toll at more than 12,000.",
    "Morvane has dismissed union claims that it is to lay off up to 2,500 workers, saying the job losses will be 900.",
    "Initial reports by the company estimated that about 4,000 barrels a day were leaking. Government scientists said 15,000 to 30,000 barrels of oil a day are spewing into the bay.",
    'At least 40 dead in Kessia bus crash, police say\n\nThe regional governor said 35 people were killed when the bus left the road.',
    'State television, citing the health ministry, said 112 people had died. A hospital director told Reuters that at least 160 bodies had been brought in.',
    'The interior ministry said 3,000 people joined the rally; organisers said 15,000 took part.',
    'Police estimated the turnout at 8,000, while organisers claimed 30,000 people had marched.',
    'Figures released by the election commission show turnout of 64 percent. An independent monitor said turnout was closer to 45 percent.',
    "A tally by the Associated Press put the death toll at 212. The government's official count is 146.",
    'Thirty people were killed, the army said. Local residents quoted by AFP put the toll at more than 70.',
    'The quake killed at least 1,200 people, officials said, raising the toll from 900 on Monday.',
    'Rescuers said 17 miners were trapped underground. The mine operator said 12 miners were trapped.',
    'The bank said 3 million accounts were compromised in the attack. It had initially said 1 million accounts were affected.',
    'According to the U.N., 1.5 million people have been displaced by the fighting. The government says 700,000 have fled their homes.',
    'The storm left 320,000 homes without power, the utility said. State officials said 410,000 homes had lost power.',
    'Hospital officials said 58 people were being treated for injuries. The regional government said 31 people were injured.',
    'Authorities said 500 people were evacuated from the area. Local media reported that 2,000 residents had been evacuated.',
    'The airline said 189 passengers and crew were on board. The transport ministry said 181 people were aboard the plane.',
    'Some 80 people were arrested, police said. Rights group OVD-Info said more than 300 people had been detained.',
    'Figures from the Ministry of Health show 4,200 confirmed cases. The WHO has recorded 5,600 confirmed cases.',
    'The company said it would shed 900 jobs. Unions put the figure at 1,400.',
    'BREAKING: 27 killed in Varno market blast — police\n\nHospital sources told local media that 41 people had died.',
    'Death toll in Kessia floods rises to 63: ministry\n\nThe Red Cross said at least 80 people had been killed by the floods.',
    '⚡️ Police: 1,200 detained at Lindau protests. Monitoring group OVD says the real number is 2,700.',
    'Officials say 19 dead after ferry sinks off Tessen. Survivors interviewed by AP say the ferry carried more than 300 passengers, while the operator said 180 people were aboard.',
    "Mayor Ana Reis told reporters 'about 4,000' people had been evacuated. The fire brigade put the figure at 9,500.",
    '"We have counted 212 bodies," said a spokesman for the civil defence. The interior ministry\'s toll stands at 170.',
    'The opposition claims 500,000 people attended the rally. Police said attendance was around 90,000.',
    'Turnout stood at 38 percent, according to the central election commission. Opposition observers said the real figure was 20 percent.',
    'The state news agency reported that 5,000 families had been displaced. The U.N. put the number of displaced people at 60,000.',
    'Shell put the spill at 1,640 barrels. Amnesty International said at least 4,000 barrels had leaked.',
    'Local authorities have recorded 14 deaths. The national health agency has recorded 22 deaths from the heatwave.',
    'The kidnappers freed 24 of the hostages, police said. A government spokesman said 35 hostages had been released.',
    'The figure was disputed by the union, which said 5,000 workers had walked out. Management said 1,200 workers were absent.',
    'Police put the number of dead at 14, while medics said 23 people had died.',
    'About 4,000 people took part, according to police, or 25,000, according to the organisers.',
    '"More than 300 people were arrested," said Anna Lind of the rights group Vesta. Police said 120 people had been detained.',
    'Twenty-two people died in the fire, officials said. Hospital sources said thirty people had died.',
    'The official death toll of 61 is far too low, local reports suggest, putting the number of dead at more than 200.',
    'Rights groups estimate that at least 1,000 people have been killed, far more than the official figure of 300.',
    'The official figure of 300 deaths is contested by rights groups, who estimate that at least 1,000 people have died.',
    'The health ministry reported 87 new deaths, bringing the official toll to 2,450. Independent researchers estimate the true toll at over 6,000.',
    'Officials initially said 35 people were on board. Survivors later said as many as 60 people had been on the boat.',
    'A ministry spokesman said on Monday that 400 families had been evacuated. The Red Cross put the number of evacuated families at 1,100.',
    'The provincial governor said 40 people were killed in the landslide. National disaster officials put the number of dead at 28.',
    'Firefighters said the blaze had destroyed 120 homes. The county said 85 homes were destroyed.',
    'The quake, which the national institute measured at magnitude 6.4, was put at 6.7 by the U.S. Geological Survey.',
    'Teachers walk out across Varno as pay dispute deepens\n\nVARNO (Reuters) - Thousands of teachers in the city of Varno stayed away from classrooms on Tuesday in a one-day strike over pay, forcing hundreds of schools to close.\n\nThe city council, which runs most of the schools, said 212 of its 590 schools were shut for the day. But the regional education department, citing reports from head teachers, said 348 schools had closed their doors.\n\n"This is the biggest walkout we have seen in a decade," said Mira Kolev, head of the teachers\' union, which has about 14,000 members.',
    'Strong quake shakes western Tessen\n\nA powerful earthquake struck western Tessen early on Monday, damaging buildings and sending residents into the streets.\n\nThe national seismological institute said the quake had a magnitude of 6.1 and was centred 40 km (25 miles) north of the town of Brel at a depth of 10 km. The U.S. Geological Survey measured it at 6.4, while the European-Mediterranean Seismological Centre gave a preliminary magnitude of 6.3.\n\nAt least three people were injured, the regional governor said.',
    "Both sides claim heavy losses in Ostrava fighting\n\nThe Ostrava defence ministry said on Sunday its forces had killed about 450 enemy troops over the past 24 hours. The Morvane military said 120 of its soldiers had been killed across the whole front in the same period, and accused Ostrava of inflating the figure.\n\nNeither side's figures could be independently verified.",
    'U.N. says 36 civilians died in Halvik air strike\n\nKABUL (Reuters) - An air strike on a religious gathering in Halvik district last month killed 36 civilians, most of them children, the U.N. mission said in a report on Monday.\n\nSecurity sources had initially told AFP that 59 people were killed, while a tribal elder who witnessed the strike said at least 50 civilians had died.',
    'Tens of thousands rally in Kessia against pension reform\n\nKESSIA (AP) - Tens of thousands of people marched through central Kessia on Saturday to protest a planned rise in the retirement age.\n\nCity authorities estimated the crowd at between 15,000 and 20,000. An independent monitoring group that uses aerial photographs said about 60,000 people had taken part. Organisers did not give a figure.',
    'Varno employers add fewer jobs than expected\n\nEmployers in Varno added 96,000 jobs in August, the national statistics office said on Friday, well short of the 125,000 that economists polled by Reuters had forecast.\n\nThe unemployment rate fell to 8.1 percent from 8.3 percent in July.',
    'Retailer raises count of customers hit by data breach\n\nTarvex Stores said on Monday that hackers had stolen the card details of 56 million customers, up from the 40 million it disclosed last month.\n\nThe company said it had hired an outside firm to investigate.',
    "Lindau lowers cholera death toll; WHO questions figures\n\nThe Lindau health ministry on Tuesday lowered the country's cholera death toll to 210 from 295, saying some deaths had been counted twice.\n\nThe World Health Organization said it had recorded at least 340 deaths and urged the government to publish its data.",
    'Trade unions said 15 crore workers joined the nationwide strike. The labour ministry said only 2 crore workers stayed away.',
    'The official manifest of the plane that crashed on Sunday shows 146 passengers were on board, seven fewer than the 153 given by aviation officials.',
    'At the peak of the crisis, about 3.2 million people were living in relief camps, the government said. The U.N. said the number in camps had peaked at 3.3 million.',
    'The bank said in January it expected growth of 1.8 percent. In April it raised its growth forecast to 2.1 percent from 1.8 percent.',
    'The economy grew by 0.6 per cent in the third quarter, the statistics office said on Friday, revising up its initial estimate of 0.5 per cent.',
    'Police in Brel said they had detained 210 people at unauthorised rallies on Saturday. The monitoring group Vesta said at least 532 people had been detained across the city.',
    "The pipeline operator said 300,000 gallons of diesel had leaked. It revised that estimate upward to 900,000 gallons in March.",
    "Officials said 40 people died in the landslide. Officials later revised that count to 75.",
    "The survey first measured the quake at magnitude 6.9, the institute said. The quake was later upgraded to 7.2, the institute said.",
    "The jobless rate in Tessen for May was 4 per cent, the statistics bureau said, although this figure was revised up to 4.3 per cent on Friday.",
    "The rate for May, reported a month ago, was 4 per cent, although this figure was revised up to 4.3 per cent in the new data.",
    "The opposition said only 31 percent of voters had cast ballots. The electoral board put it at 48 percent.",

    "A 6.1-magnitude quake struck the Tessen region on Monday, the geological survey said. The national seismology institute put the magnitude at 6.6.",
    "A day after an 8.2 quake killed six people, a 7.4 aftershock struck the coast, the survey said. The national institute said the aftershock measured 7.9.",
    "The spill released an estimated 10,000 barrels of oil, the company said, but environmental groups said it was closer to 50,000 barrels.",
    "The army said 5 soldiers died in the ambush. A local official said 14 troops were killed.",
    "The statistics bureau said the number of people employed increased by 54,000 in May. Economists had expected 20,000 jobs to be added.",
    "Payrolls rose by 96,000 in August, the Labor Department said. Economists had forecast a gain of 125,000 jobs.",
    "According to the interior ministry, 1,200 people were detained. Human rights groups put the number of detainees at over 3,000.",
    "Some 450 homes were destroyed, according to the provincial governor, while the UN estimated that 1,100 homes had been destroyed.",
    "The hurricane caused an estimated $25 billion in damage, according to Tessen Risk. Another modeler, Orla Analytics, put damage at $40 billion.",
    "The coast guard said 17 bodies had been found on the boat. Seventeen of the passengers were dead when rescuers arrived, the coast guard said, revising its initial count of 18 bodies.",
    "The ministry said 40 people were killed in the attack. Its initial count of 35 dead was revised after hospitals reported more deaths, the ministry said.",
    "The fire has scorched 14,000 acres, the state fire agency said on Tuesday. The national forest service put the size of the blaze at 19,500 acres.",
    "The ministry reported 412 confirmed cases, while the WHO listed 389 confirmed cases for the country.",
    "Here's what Kelvar reported:\n\n- Revenue for the quarter was $4.2 billion. Analysts had expected $4.5 billion.\n\n- Earnings per share guidance for 2026 is $5.10.",
    "Analysts had expected revenue of $4.5 billion. The company brought in just $4.2 billion, Kelvar said in its results statement.",
    "Ministry: 1,240 cases confirmed. WHO: 1,610 cases.",
    "Crowd estimates for Saturday's march ranged from 25,000 (police) to 110,000 (organisers).",
    "Turnout: 61.2% (electoral commission). Opposition estimate: 38%.",
    "Lindau quake: USGS puts magnitude at 6.3; national institute says 6.0",
    "Police said 40 people died in the blast; a hospital official said 62.",
    "The union said 74 per cent of workers joined the walkout. The labour ministry estimated that 29% of employees had stopped work.",
    "The union said 74 per cent of workers joined the walkout. The ministry said 29% of employees stopped work. Participation was highest in the public sector, where 41% of staff joined the strike, and lowest in the private sector, where 12% of staff did, the ministry said.",
    "The flood killed 98 people, according to official figures, but aid workers estimated the toll at more than 300.",
    "The UN mission said 36 people were killed in the airstrike. That is lower than the original toll of 59 dead and 57 wounded given to the Varta agency by security sources.",
    "For the second quarter, Norvane reported an adjusted EPS of $0.87, slightly above the expectations of analysts, who had predicted an EPS of $0.84.",
    "For the third quarter, Norvane is forecasting an adjusted EPS between $0.84 and $0.86. Analysts had expected an EPS of $0.91.",
    "Delmont's diluted EPS came in at $1.45, compared with the $1.52 analysts had forecast on average.",
    "Norvane now expects adjusted earnings per share of between $3.68 and $3.74 for the full year, down from its previous forecast of $3.87 to $3.93.",
    "Thousands marched in Lindau on Saturday (organisers’ estimate: 80,000 people; police estimate: 25,000).",
    "Employers added 143,000 jobs in January, the Labor Department said. Economists polled by Reuters had expected 170,000.",
    "The independent monitor estimated the crowd at between 40,000 and 50,000. The authorities said 12,000 people attended.",
    "Fire officials initially said the blaze had burned 12,000 acres. On Tuesday they revised the figure down to 9,800 acres after mapping it from the air.",
    "The quake was initially reported as magnitude 7.1 but was later downgraded. The USGS put it at 6.8.",
    "The spill was originally estimated at 5,000 barrels. The coast guard now says 8,000 barrels leaked.",
    "The U.S. Geological Survey measured the quake at magnitude 7.1, while the European-Mediterranean Seismological Centre gave 7.2.",
    "Pipeline operator Kessel Energy had put the flow at 1,000 barrels a day. Independent scientists estimated it at between 20,000 and 40,000 barrels a day.",
    "In Marseille, police counted 16,000 marchers while organisers claimed 245,000.",
    "The interior ministry said 1.1 million people took part nationwide. The CGT union said 900,000 marched in the whole country.",
    "The ministry's report listed 40 deaths in the floods. Aid groups said 75 people had died.",
    "According to the flight manifest, 147 passengers were on board. The minister later said there were 153 people on the plane.",
    "The union said Kelvar would cut 4,000 jobs. Kelvar said it would cut 2,500 jobs.",
    "Consumer price inflation eased to 3.1 percent in October, the statistics office said, slightly below the 3.2 percent forecast by economists in a Reuters poll.",
    "Kessia's defence ministry said 35 of its soldiers were killed. Lorvan said it had killed 480 Kessian soldiers.",
    "Survivors said more than 200 people had been on board the boat. The coast guard put the number of passengers at 160.",
    "The UN said 41 civilians were killed in the strike. A security official said 36 people had been killed.",
    "The commission said 63.4 percent of voters took part, comfortably above the 50 percent needed for the vote to be valid. Opposition observers said turnout was no more than 38 percent.",
    # a headline's second figure leaves out what the first counts; "striking teachers" took part
    "Strike: 31% of striking teachers according to the ministry, 58% according to the unions\n\nTeachers walked out across Marbania on Tuesday.",
    "The ministry said 31 percent of teachers went on strike on Tuesday. The unions said 58 percent of teachers had joined the strike.",
    "The average rate of striking teachers was 31 percent, the ministry said. The unions put the share of striking teachers at 58 percent.",
    # "the spill west of Lorn" parsed with the direction as the head: the spill released the oil
    "The operator had estimated that the spill west of Port Lorn released up to 90,000 gallons. Regulators said the spill might have been up to 140,000 gallons.",
    # "narrowed its estimate for the U.S.": a revision, of losses, in a place
    "The modelling firm narrowed its insured loss estimate for the United States to between $25 billion and $35 billion. A rival firm put insured losses in the United States at $18 billion.",
    # "the polling percentage" is turnout, even wrapped across a line; "as high as" a named measure is its value
    "The president said that the polling\npercentage was 26. Observers said the voting percentage was as high as 40.",
    "The commission said turnout was 61 percent. Opposition monitors said turnout was as low as 35 percent.",
    # "the initial 5,000-acre estimate" is a figure; a fire "mapped using GPS at 2,483 acres" burned them
    "Kessel wildfire mapped at nearly 2,500 acres, reducing the initial 5,000-acre estimate\n\nThe fire near Orlen was mapped on Thursday using GPS at 2,483 acres, the forestry department said.",
    # "stopped working" took part, as "stopped work" does
    "The union said up to 2,300 employees had stopped working. The university said about 1,000 employees had joined the strike.",
    # "there" is the place named last before it in its sentence
    "The UN said on Friday that about 11,300 people had died in the city of Velka. The mayor of Velka said up to 20,000 people had died there. In Morren, 170 people died, officials said.",
    # a participle describing the noun a figure is of is no verb of the figure's
    "Gross domestic product grew at a 2.6 percent annualized pace in the second quarter, revised down from the previous estimate of 3.1 percent, the department said.",
    # a people's name counts people, whatever the recogniser made of the number before it
    "The government said that more than 8 million Kessians had voted. An exit poll put turnout at 3.5 million voters.",
    # "one million" is a count, whatever the parser made of "one"
    "Over one million people marched across Marbania on Saturday, the interior ministry said. The unions said 2.5 million people had marched.",
    # the value hangs on a clause describing the object of the verb that gives or revises it
    "The health agency put the number of deaths linked to the heatwave at 1,100. Doctors' groups said at least 1,900 people had died in the heat.",
    "Seismologists downgraded the magnitude of the earthquake that struck the coast on Monday from 6.3 to 6.0.",
    "The survey said the quake had a magnitude of 6.6. The national agency initially reported the quake as a 7.0 temblor.",
    # a total's breakdown is left out, the total itself still disputed
    'Police said seven people had died. "Eleven people are dead," the hospital director told Reuters. "Nine were brought to us already dead and two died in surgery."',
    # a value set aside by "not" is the one its speaker's figure corrects
    "Officials said 38 people died in the blast, not 45 as first reported.",
    "The statistics office said the economy grew 1% in the first quarter, not 1.1% as it previously reported.",
    # a guess at the dead already counted is a figure, however uncertain
    "The government said 15,500 people were killed. The defence minister had speculated that the toll could be as high as 100,000.",
    # houses burnt or torched are destroyed, as razed ones are
    "Police said 20 houses were razed in the raid. Witnesses said more than 40 houses were burnt.",
    "Officials said 300 homes were destroyed. Residents said 500 homes were torched.",
    # a month's payrolls count the jobs it added
    "June payrolls were revised down to 18,000 from 42,000, the statistics office said.",
    # a prediction of forecasters is theirs
    "The economy grew by 1.2% in the second quarter, the statistics agency said. The median prediction of economists was growth of 0.9%.",
    # a total and its value a share are one result said twice, no parts of each other
    "Harlow Foods said net income rose to $2.1 billion, or $1.45 a share, beating the $1.32 a share analysts had expected.",
    "Tarren said profit was $410 million, or 52 cents a share, compared with $380 million, or 47 cents, a year earlier. Analysts had forecast 55 cents a share.",
    # "said between ... and ..." read by the model as the verb's preposition: the range is still the noun's count
    "Police said between 2,000 and 3,000 people marched through Osland. The organisers said 20,000 people took part.",
    "Brenmark reported earnings of 84 cents a share. Analysts had expected between 86 and 88 cents a share.",
    "The coastguard said 35 people were still missing. The charity said between 60 and 75 people are missing.",
    # last year's result is the year-ago one, and what analysts expected is of this quarter's
    "Tarren earned 84 cents a share in the quarter. Last year, the company earned 39 cents a share. Analysts had expected 85 cents a share.",
    # each value a giving verb puts "at" takes its own quantity
    "The institute put the depth of the quake at 15 km. The consortium put the magnitude at 6.7 and the depth at 9 km.",
]

NOT_DIFFERING = [
    # bodies found so far are no more than the dead
    'Officials said 23 bodies had been recovered. But residents told the BBC that at least 40 people had died.',
    # an intention's infinitive says what it is about: "one intention - to kill" is no toll of one
    "The governor said 12 people had died in the shooting. Soldiers clearly had one intention - to kill without consequence, the rights group said.",
    # a rounded value and a bound near it say the same
    "Nearly 180 passengers are missing after the ferry sank, police said on Monday. On Wednesday police said there were as many as 178 people missing.",
    # a change "by" a percentage is no level: the youth rate's fall is not the rate
    "The unemployment rate fell to 6.4% in March, the statistics office said. Unemployment among people aged 15-24 has fallen by 0.6% in a month.",
    # "overstated by" gives a difference, not a count of its own
    "The electoral council said more than 8 million Kessians had voted. The technology firm said turnout had been overstated by at least 1 million votes.",
    # the aftershock's earlier magnitude is the aftershock's: "that had been estimated to have" shares its subject
    "The agency said the main quake had a magnitude of 6.1. It said an aftershock that had earlier been estimated to have a magnitude of 5.6 measured 5.1.",
    # forecasters looking for a figure give it; the result after them is not theirs
    "Revenue rose 7 percent to $436 million, the company said. Analysts were looking for $436 million.",
    'Russia said it had killed 480 Ukrainian servicemen in the past day. Kyiv said it had killed 620 Russian troops.',
    # a year-ago result after "compared with $" is a baseline, whatever analysts expect now
    "Tarren said profit was $410 million, or 52 cents a share, compared with $380 million a year earlier. Analysts had forecast $410 million.",
    # a toll foreseen is no count: it grows to its value, or it is the final one
    "Officials said 21,500 people died in the quake. The relief headquarters said the number of deaths could rise above 50,000.",
    'The death toll has reached 30, the police chief said. "We think the final death toll could be around 165," the head of the disaster agency told AFP.',
    # each item's change in brackets is its own: no item's value was revised to another's
    "The bureau downwardly revised second-quarter figures for mining, quarrying and energy (-1.2% from 1.2% previously), transport and storage (3% from 3.6%), and retail and wholesale trade (2.9% from 4.1%).",
    # "put the figure at" restates the figure of its own sentence's earlier clause, whatever it names
    "The agency said the bodies of 14 people had been recovered by Tuesday. Its spokesman said about 40 houses had been buried; the village head put the figure at 60.",
    # a month named with "last" is another time: that march is another march
    "Police said 4,500 people took part in the march. A march against pension reform last October drew about 60,000 people, according to police.",
    # parts that add up to their source's total are its breakdown
    'Police said 11 people had died. "Eleven people are dead," the hospital director told Reuters. "Nine were brought to us already dead and two died in surgery."',
    # a result dated last year after this one's is the year-ago result, expected of no one
    "Tarren reported earnings of 84 cents a share. Last year, the company earned 39 cents a share. A consensus estimate compiled by Reuters put Tarren's profit at 84 cents a share.",
    # adults are a group of the dead, as children are: the toll less its children
    "Police said 12 people were killed, including four children. Hospital officials said eight adults died.",
    # an aftershock's magnitude is another quake's, though the main one's went unnamed
    "The institute measured the quake at magnitude 6.4. A magnitude 4.8 aftershock on Tuesday sent residents into the streets, officials said.",
    # "a further" sum is added to another, no total
    "Insured losses were put at $1.25 billion by the association. Uninsured losses, which the modeller put at a further $2.1 billion, were not included.",
    # the gap by which a result beat or missed what was expected is no figure of either
    "Tarren's profit rose 12%, the company said. Analysts said it missed forecasts by 7%.",
    # an area burned is no building destroyed
    "Officials said 300 homes were destroyed in the fire. The blaze burned 12,000 acres, firefighters said.",
    # "between 2005 and 2010" is a span of years, no range of prices
    "Officials said between 2005 and 2010 prices doubled. The agency said 40 people lost their jobs.",
    'The quake measured 6.4, the bureau said. A 5.1-magnitude aftershock struck an hour later, the USGS said.',
    'The ferry, which is licensed to carry 400 passengers, had 212 people on board, the port authority said.',
    'Seventeen of the passengers on board were already dead, the coast guard said. The boat had 34 people on board, survivors said.',
    'Employment in July was revised down by 49,000 to 89,000, the Labor Department said.',
    'The company earned 84 cents a share in the quarter, up from 71 cents a year earlier.',
    'Revenue rose 6 percent to 1.93 billion euros. Operating profit was 210 million euros.',
    'The economy grew 1.1 percent in the first quarter and 0.7 percent in the fourth quarter of last year, the agency said.',
    'The company expects revenue of $8.1 billion this year and $9 billion next year.',
    'Inflation came in at 2.9 percent in March, in line with expectations, the statistics office said.',
    'The economy grew 2.1 percent in the third quarter. Economists expect growth of 1.5 percent next year.',
    'Revenue rose 8% to $2.3 billion. The company expects revenue of $2.6 billion next year.',
    'Employers added 88,000 jobs in June. In May they added 175,000 jobs, the Labor Department said.',
    'Sales rose 4 percent in the quarter, matching the 4 percent analysts had expected.',
    "The company earned $1.12 a share in the quarter. Analysts expect $1.50 a share next year.",
    "Sales rose 3 percent last year, the company said. It expects sales to rise 5 percent this year.",
    "Growth was 0.4 percent in the first quarter, the office said. Economists expect 0.6 percent in the second quarter.",
    "The economy grew 0.5 percent in the quarter, exactly as economists had expected.",
    "Exports rose 4 percent in May. Economists had forecast imports to rise 2 percent.",
    "Employers added 150,000 jobs in March. Economists had forecast a jobless rate of 4.1 percent.",
    "The company said revenue was $4.1 billion in 2023. Analysts had expected profit of $1.2 billion.",
    "Russia's defence ministry said its forces had killed 450 Ukrainian soldiers. Ukraine's military said it had killed 620 Russian soldiers.",
    "The army said 40 Kessian fighters were killed in the clashes. Rebel commanders said 15 Lorvan soldiers had died.",
    "Across the three worst-hit countries, 4,951 people have died, the WHO said. The health ministry said 2,960 people had died across the country.",
    "Prices rose 0.3 percent from the previous month, the statistics office said. Economists said inflation year on year was 2.9 percent.",
    "Police said 40 people were arrested in Kellport. In Varno, police said 120 people were detained.",
    "The ministry said 12 people died in the floods, including 5 children. Rescuers said 12 people were killed.",
    "The company said it would cut 1,800 jobs this year. It cut 900 jobs last year.",
    "Unemployment fell to 5.2 percent in March from 5.4 percent in February, the statistics office said.",
    "The union said 3,000 workers joined the strike on Monday. On Tuesday, 5,000 workers joined, the union said.",
    "The WHO said 79 cases had been confirmed worldwide, 26 of them in Mexico.",
    "Turnout was 61 percent, the commission said, up from 55 percent in the previous election.",
    "The airline said the plane carried 153 passengers and 7 crew members.",
    "Revenue rose to $4.2 billion from $3.9 billion a year earlier, the company said.",
    "The storm destroyed 300 homes, officials said. Another 1,200 homes were damaged, they said.",
    "Officials said 14 people died in the stampede. Two weeks ago a similar crush killed 40 people, police said.",
    "The government aims to resettle 10,000 refugees this year. Aid groups said 4,000 refugees had been resettled.",
    "The ministry said 2,000 teachers were on strike in the capital. The union said 15,000 teachers were on strike nationwide.",
    "A spokesman said 17 soldiers and 12 civilians were killed. A local official said 12 civilians died.",
    "Officials said two men presumed dead in the floods had been found alive. Officials said the death toll was 23.",
    "The agency reported 2,300 new infections on Friday. It reported 3,100 new infections on Saturday.",
    "A march in Kellport drew 40,000 people, police said. A rally in Tessen drew 12,000 people, police said.",
    "A march in Kellport drew 40,000 people, organisers said. A rally in Tessen drew 12,000 people, police said. A protest in Lindau drew what police said was a crowd of 9,000.",
    "Organisers said 45,000 people took part in the march in Kellport. Police put the combined total of the two marches at 60,000.",
    "Organisers said 400,000 people marched across the country. In Kellport, 40,000 marched, police said. In Tessen, police counted 25,000 marchers.",
    "Tarvex reported revenue of $4.1 billion and a profit of $300 million. Analysts had expected $4.3 billion.",
    "A protest in Tessen drew at least 60,000 people and potentially up to 100,000, police said, according to the news agency Varta.",
    "Tarvex said revenue was $4.1 billion, down 2% from the same time last year. Analysts had expected $4.1 billion.",
    "Tarvex earned $1.12 a share, the company said. Its rival Morrow earned $0.95 a share.",
    "Vesk won 5.2 million votes, the council said. Monitors said Moor won 3.9 million votes.",
    "The council said 5.2 million votes were counted by Sunday. Monitors said 6.1 million votes were cast.",
    "The company said the total job losses are 900, not 2,500.",
    "Police are looking for 12 suspects, the ministry said. Officials said 40 suspects were detained.",
    "Kessling said 54 percent of voters in the capital voted for her. The commission said turnout in the capital was 61 percent.",
    "The federal agency has confirmed 51 cases nationwide. The state health department said it had confirmed 64 cases in the state.",
    "Shares of Kelvar closed 3.2% higher, the exchange said. The index closed 1.1% higher.",
    "Officials estimated 40,000 hectares had been inundated in the province, 2,900 hectares of which were destroyed. The disaster committee said floods had destroyed 10,000 hectares of paddy.",
    "Hackers leaked the records of 4,000 customers, the bank said. A rival bank said 9,000 of its customers were affected by a separate breach last year.",
    'Police said 40 people were killed on Monday. On Tuesday, a second attack killed 12 people, police said.',
    'The health ministry said 120 new cases were recorded on Friday, bringing the total to 4,300.',
    'At least 12 people were killed, police said. Among the dead were 4 children, the hospital said.',
    "The quake killed 9,000 people in 2015, the government said. This week's quake killed 40 people, officials said.",
    'Turnout was 52 percent, the commission said. Turnout in the 2019 election was 61 percent, it said.',
    'The union said 2,000 workers at the Kessia plant joined the strike. At the Lindau plant, 800 workers walked out, the union said.',
    'Police said 3,000 people marched on Saturday. On Sunday, 5,000 people marched, organisers said.',
    'The company reported revenue of $4.1 billion. Its rival Morrow reported revenue of $3.2 billion.',
    'The storm destroyed 1,200 homes and damaged 4,000 more, officials said.',
    'The ministry said 300 people had been arrested since the protests began. On Saturday alone, 40 people were detained, police said.',
    'BREAKING: 27 killed in Varno market blast — police\n\nPolice said 27 people were killed and 40 wounded.',
    'Police said 1,200 people were detained in Lindau. In Kessia, 300 people were detained, police said.',
    "The fire has burned 12,000 acres, officials said. Last year's fire burned 30,000 acres.",
    'The company said 2,000 jobs would go in Britain and 1,500 in Germany.',
    'The ministry said 63 people had died in the floods. The death toll from the 2019 floods was 120, the ministry said.',
    'Turnout was 38 percent at noon, the commission said. By the close of polls, turnout had reached 61 percent.',
    'The health ministry reported 87 new deaths on Friday, bringing the official toll to 2,450.',
    'The quake, which the national institute measured at magnitude 6.4, was followed by a 5.1 aftershock.',
    'Police said 14 people died and 23 were injured.',
    'The official death toll of 61 includes 12 children, the ministry said.',
    'The fire destroyed 120 homes in Kessia and 85 in Lindau, officials said.',
    'The city council said 212 of its 590 schools were shut. Three of the eight victims were children, police said.',
    'Four more bodies found after boat capsizes\n\nThe death toll from the capsizing of a ferry on Lake Orsa rose to 19 on Thursday after divers recovered four more bodies, police said.\n\nPolice said 15 bodies had been recovered on Wednesday. The ferry was carrying 60 passengers, 41 of whom were rescued.',
    'Aftershocks rattle Tessen after deadly quake\n\nA magnitude 5.4 aftershock struck Tessen on Thursday, the national seismological institute said, two days after a 6.8 quake killed 40 people.\n\nThe institute said it had recorded more than 200 aftershocks, the strongest of them a 5.9 on Wednesday.',
    'Ostrava inflation eases\n\nConsumer prices in Ostrava rose 0.4 percent in March from February, the statistics office said on Tuesday. From a year earlier, prices were up 6.2 percent, down from 6.9 percent in February.\n\nEconomists had expected monthly inflation of 0.5 percent.',
    'Fire crews gain ground on Kessia blaze\n\nThe Halvern fire has burned 12,400 acres, fire officials said on Friday, about 600 acres less than reported on Thursday after more accurate mapping.\n\nThe fire is 40 percent contained, officials said.',
    "Vesk wins Lethany presidential election\n\nOrlan Vesk won Sunday's presidential election with 54.2 percent of the vote, the electoral commission said on Monday, against 41.8 percent for his rival Dana Moor.\n\nTurnout was 63 percent, the commission said.",
    'Dockworkers strike halts Varno port\n\nDockworkers at the port of Varno walked off the job on Monday, halting the loading of ships.\n\nThe union said 4,000 of its members had joined the strike. The port authority said the stoppage had disrupted operations but did not give a figure.',
    'Twin bombings kill 31 in Halvik\n\nTwo car bombs exploded minutes apart near a market in Halvik on Sunday, killing at least 31 people, police said.\n\nThe first blast killed 12 people and the second 19, police said. Among the dead were five children. Earlier, police had put the toll at 25.',
    'The ministry said 23 hostages and 32 kidnappers were killed. The state news agency put the number of kidnappers killed at 32.',
    'Officials said about 6,000 people had been evacuated. The fire service said 5,800 people had left their homes.',
    'The central bank raised interest rates to 5 percent from 4.5 percent, the bank said.',
    'The union said 74 percent of workers joined the strike against a bill that would raise the retirement age from 63 to 65.',
    'Kelvar reported earnings of $4.10 a share, above the $3.90 that analysts had expected. Morrow reported a profit of $1.25 a share, above the $1.05 a share that analysts had forecast.',
    "The water level in the river reached 7.2 metres on Friday, the agency said. Officials said 300 homes were destroyed.",
    "The ship's log recorded 312 passengers, the company said. Officials said 290 people were rescued.",
    "The school board approved 45 new teachers, officials said. The union said 45 teachers had left.",
    "Police arrested 40 protesters and charged 12, the ministry said.",

    "A day after an 8.2 quake killed six people in the north, the survey said, a 7.6 aftershock struck the coast. Officials said six people died in the first quake.",
    "A 500-lb bomb killed 12 people, police said. Officials said a 25-year-old man was among the 12 dead.",
    "Unemployment fell to 5.2 per cent, and last month's figure was revised to 5.4 per cent.",
    "Employers added 96,000 jobs in August, and the July figure was revised down to 141,000.",
    "The economy added 150,000 jobs in March, and the number for the month before was revised down to 100,000.",
    "The company said third-quarter revenue was $4.1 billion. For the full year, it expects revenue of $16 billion.",
    "About 5,000 people attended the vigil, police said. The day before, 20,000 people marched through the capital, organisers said.",
    "Police said 4 officers were injured. Medics said 30 protesters were hurt.",
    "An inquiry into the stampede found that 224 people were killed. Officials say the toll rose because fatality figures from five hospitals had only just been compiled.",
    "According to police sources, 295 people were detained at the rally. The city ombudsman said 47 teenagers were detained at the rally.",
    "The number of people injured in the clashes rose to 296, the state news agency said. A deputy health minister said 196 were treated at the scene and 100 others were rushed to hospitals.",
    "The economy grew 2.1 percent in the quarter, the agency said, compared with 1.8 percent growth in the previous quarter.",
    "8 civilians killed by coalition strike\n\nAn airstrike by the coalition killed eight civilians this week, according to neighbours. According to the monitor, 181 civilians have died because of coalition strikes.",
    "Fire in Kessel county grows\n\nThat blaze has burned 31,000 acres, the governor's office said. Current fires in the state have burned 626,600 acres so far, the fire agency said.",
    "Local police said eight villagers were killed in the raid. The army said more than 20 militants were killed.",
    "Officials said 40 guerrillas died in the clashes. Elders said 12 residents were killed in the clashes.",
    "The fire department said 3 firefighters were hurt. Police said 12 officers were injured in clashes elsewhere in the city.",
    "The storm left 400,000 customers without power at its peak, the utility said. By Sunday evening, 90,000 remained without power, the utility said.",
    "The agency said 70 percent of the city was without power on Monday. By Wednesday, 20 percent remained without power, it said.",
    "Payrolls rose by 96,000 in August to 151.2 million, the Labor Department said.",
    "The company has $2 billion in cash, it said. Analysts expect revenue of $4 billion.",
    "The senator said the bill would cost $1.2 trillion over ten years. The budget office estimated the cost at $900 billion over five years.",
    "The union said 33 percent of white workers were unemployed. If they are Hispanic, the unemployment rate is 36 percent, the union said. Now it is 18.7%, the ministry said.",
    "UPDATE: Death toll from Tessen floods rises to 58, officials say. Earlier, the toll stood at 41.",
    "The ministry said 29% of employees stopped work. Participation was highest in the public sector, where 41% of staff joined the strike, the ministry said.",
    "The death toll from the floods was lowered to 31 from 37 after six people were found alive, officials said. The dead include 12 children and 8 women, officials said.",
    "The flow rate was estimated at 5,000 barrels a day in April, the company said. By June, government scientists said, the well was leaking 60,000 barrels a day. In total, 4.9 million barrels spilled, the government said.",
    "The country has recorded 1,282 measles cases so far this year, the health ministry said. Last year, 1,109 cases were recorded. In March alone, 210 cases were reported.",
    "Police said 1,200 people were detained, about 300 of them in the capital. Rights groups said nearly 1,200 people had been detained across the country.",
    "The unrest has killed at least 80 people, officials said. On Monday, officials had put the toll at 30, and on Tuesday at 55.",
    "The fire has burned 12,000 hectares, officials said: 8,000 hectares in Kessia and 4,000 hectares in Lindau.",
    "For the second quarter, Norvane reported an adjusted EPS of $0.87 on revenue of $12.8 billion. A year earlier it reported an EPS of $0.81 on revenue of $11.9 billion.",
    "Delmont's diluted EPS came in at $1.45, while its adjusted EPS was $1.62.",
    "Harlow said 4,200 people were treated for heat stroke in July. A month earlier, 2,900 were treated.",
    "Protesters marched in Lindau (organisers’ estimate: 80,000 people) and in Kessel (police estimate: 25,000).",
    "Norvane raised its full-year revenue forecast to $17 billion. For the fourth quarter, it expects revenue of $4.4 billion.",
    "Delmont reported diluted EPS of $1.45 and adjusted EPS of $1.62. Analysts had expected adjusted EPS of $1.62.",
    "The agency said 1,200 homes were destroyed. Its earlier estimate, from Tuesday, counted damaged buildings at 3,400.",
    "Analysts expect earnings per share of $4.80 for the full year. For the third quarter, Norvane forecast earnings per share of $1.20.",
    "The fire initially burned 200 acres on Monday. By Wednesday it had burned 5,000 acres, firefighters said.",
    "Police initially detained 40 people on Saturday. On Sunday, officers arrested 25 more, the police said.",
    "Average hourly earnings rose 0.3 percent in March, the Labor Department said. Norvane's earnings rose 2 percent, the company said.",
    "The coast guard said 41 migrants drowned. A coast guard official later said the number of bodies recovered had risen to 46.",
    "The company lost $2 billion last year, its chief executive said. Its founder gave $50 million to charity.",
    "PARIS (AP) - Hundreds of thousands of people marched across France on Saturday.\n\nThe interior ministry said 1.1 million people took part nationwide. In Nantes, police counted 35,000 marchers. Organisers said 60,000 had joined.",
    "In Marseille, police counted 16,000 marchers. In Lyon, organisers claimed 45,000.",
    "The pipeline leaked 5,000 barrels a day in April, the company said. In total, 400,000 barrels spilled, the government said.",
    "There were 153 people on the plane, the airline said. Of them, 12 were crew.",
    "The ferry was carrying 310 passengers, the coast guard said. Another ferry on the same route had 120 people on board.",
    "Duke Energy said 180,000 customers had lost power in its service area. Florida Power & Light said 95,000 customers in its territory were without power.",
    "Kelvar said it would cut 4,000 jobs. Its rival Morrow said it would cut 2,500 jobs.",
    "Consumer price inflation eased to 3.1 percent in October, the statistics office said. Core inflation slowed to 3.3 percent.",
    "Riyalia's health ministry has put the number of dead at 769. Veltria said 464 of its citizens had died, and Marenia said 182 of its pilgrims were killed.",
    "Three people were killed in the stampede, the city said. The province said 12 of its residents had died in the crush.",
    "The defence ministry said its forces had killed about 600 enemy soldiers on Thursday. A local official said at least 14 civilians had been killed by shelling.",
    "Insured losses from Hurricane Delia will be between $4.5 billion and $9 billion, catastrophe modeler Vantor Risk said on Tuesday. A rival firm, Calder Analytics, estimated insured losses at $6 billion to $7.5 billion. Total economic losses, including uninsured damage, could reach $20 billion, Vantor said.",
]


@pytest.mark.parametrize("text", DIFFERING)
def test_sources_that_differ_are_flagged(text: str) -> None:
    assert len(analyze(text).conflicts) == 1


@pytest.mark.parametrize("text", NOT_DIFFERING)
def test_figures_that_only_look_alike_are_not_flagged(text: str) -> None:
    assert analyze(text).conflicts == []


def test_a_city_named_before_its_march_keeps_its_counts_apart_from_the_country() -> None:
    # the city is named before the noun of what gathered the crowd, and the union's count leaves out its words
    report = analyze(
        "More than 900,000 people marched across Marbania on Thursday, the interior ministry said.\n\n"
        "The Velsk march gathered around 90,000 people, according to the police, and 300,000, according to the union."
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [90000, 300000]


def test_the_event_a_war_began_with_is_background() -> None:
    report = analyze(
        "The war began in May when rebels attacked border towns, killing 1,100 people, according to official "
        "tallies. A rebel attack on a market on Tuesday killed 19 people, the health ministry said. Civil defence "
        "said 40 people were killed in the attack."
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [19, 40]


def test_a_forecast_for_a_named_period_is_no_expectation_of_a_result_whose_period_went_unsaid() -> None:
    report = analyze(
        "Revenue rose to $436 million, the company said. Analysts had expected $456 million. The company now "
        "expects revenue of $470 million to $485 million for the second quarter."
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [436e6, 456e6]


@pytest.mark.parametrize(
    "earlier",
    [
        "On Jan. 5, a 5.8 magnitude earthquake jolted parts of the country, according to the weather office.",
        "On 5 January, a 5.8 magnitude earthquake jolted parts of the country, according to the weather office.",
    ],
)
def test_an_earlier_day_named_by_its_date_keeps_its_figure_apart(earlier: str) -> None:
    report = analyze(
        "An earthquake with a magnitude of 6.3 hit Korvan on Sunday, the national seismic centre said. The survey "
        f"said the earthquake's magnitude was 4.4. {earlier}"
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [4.4, 6.3]


def test_a_day_named_by_its_date_is_the_figure_period() -> None:
    report = analyze("About 4,000 teachers joined the strike on March 3, the union said.")
    assert report.figures[0].period == "Mar 3"
    # a weekday beside the date names the same day, as the weekday other figures give does
    report = analyze("About 4,000 teachers joined the strike on Tuesday, March 3, the union said.")
    assert report.figures[0].period == "Tuesday"


def test_a_statement_revised_in_one_clause_is_one_measure_whether_or_not_it_is_named() -> None:
    report = analyze("Police on Saturday revised the number of victims from 61 to 58.")
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [58, 61]
    report = analyze("Seismologists downgraded the size of the Marrow Creek temblor from 6.1 to 5.9.")
    assert [figure.quantity for figure in report.figures] == ["magnitude", "magnitude"]
    assert len(report.conflicts) == 1
    # a verb that changes things in the world changes them: no revised statement
    assert analyze("The chain increased the number of stores from 500 to 650.").conflicts == []
    # and the number of quakes whose magnitude is revised is no magnitude
    report = analyze("The survey upgraded the magnitude of the two earthquakes that rocked the valley.")
    assert report.figures[0].quantity is None


def test_bodies_found_are_counted_apart_from_the_toll() -> None:
    report = analyze(
        "At least 64 people were killed when fire swept through a garment factory in Teshan, officials said. A "
        "fire brigade official said 51 charred bodies had been recovered from two of the floors."
    )
    assert report.conflicts == []
    assert analyze("The suspected death toll rose to 95, police said. Only two bodies have been recovered, the "
                   "commander said.").conflicts == []
    # two counts of bodies found still compare
    report = analyze("The coast guard said 17 bodies were found on the boat, revising its initial count of 18 bodies.")
    assert len(report.conflicts) == 1


def test_a_value_agreeing_with_every_other_is_not_shown_in_the_conflict() -> None:
    report = analyze(
        "At least 30 people were killed in the blast, police said. The hospital said 45 people had died. A local "
        "official said between 30 and 45 people died."
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [30, 45]
    assert "between" not in conflict.note


@pytest.mark.parametrize("place", ["in his province alone", "in Bolan alone"])
def test_a_place_singled_out_holds_a_part_of_the_toll(place: str) -> None:
    report = analyze(f"The disaster council reported 58 deaths. Governor Arthur Yale said 94 people died {place}.")
    assert report.conflicts == []
    assert report.figures[1].place is not None


def test_fluid_that_escaped_or_was_released_is_spilled() -> None:
    report = analyze(
        "The operator had initially said about 900 barrels escaped from the line. The state regulator said its "
        "own calculations pointed to a release of between 3,000 and 3,500 barrels."
    )
    assert [figure.quantity for figure in report.figures] == ["spilled", "spilled"]
    assert len(report.conflicts) == 1


def test_damage_counted_in_money_is_a_loss() -> None:
    report = analyze(
        "Public Works Minister Ilse Varga told state radio the government's first estimate of the damage was 410 "
        "million dollars. The broker Calder Re put total economic losses at around 1.3 billion dollars."
    )
    assert [figure.quantity for figure in report.figures] == ["loss", "loss"]
    assert len(report.conflicts) == 1


def test_a_sentence_opening_on_another_event_is_background() -> None:
    report = analyze(
        "Only 58 percent of drivers on the morning roster joined the strike, the operator said. The union said 92% "
        "of drivers had stayed away. At a strike in March, the union reported a turnout of 71 percent."
    )
    (conflict,) = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [58, 92]
    assert report.figures[2].background


def test_people_forced_from_their_homes_are_displaced() -> None:
    report = analyze(
        "The agency said 4,100 people had been displaced. The relief network gave an estimate of some 7,500 "
        "people forced from their homes."
    )
    assert [figure.quantity for figure in report.figures] == ["displaced", "displaced"]
    assert len(report.conflicts) == 1


def test_a_prediction_of_what_could_happen_is_a_scenario_not_an_expectation() -> None:
    report = analyze(
        "More than 68,000 people have fled their homes since the offensive began, the UN said on Tuesday. "
        '"68,550 people are currently displaced," the UN office said in a statement. The UN had initially '
        "predicted that 200,000 civilians could be forced from their homes."
    )
    assert report.conflicts == []
    from bot.engine import get_pipeline
    from bot.engine.structure import figure_structure
    from bot.settings import get_settings

    doc = get_pipeline(get_settings().spacy_model)("The UN predicted that 200,000 civilians could be forced from their homes.")
    number = next(token for token in doc if token.like_num)
    assert figure_structure(number, number, number.head).hypothetical
    # an expectation stays one
    report = analyze("Employers added 96,000 jobs, the office said. Economists had expected 150,000 jobs.")
    assert len(report.conflicts) == 1


def test_a_margin_forecast_cut() -> None:
    report = analyze(
        "Halvorsen also lowered its forecast for the adjusted operating margin to 11-12% from about 14% previously."
    )
    assert [figure.quantity for figure in report.figures] == ["margin", "margin"]
    assert report.figures[0].source == report.figures[1].source == "Halvorsen"
    assert len(report.conflicts) == 1
    # a poll's margin of error measures no news
    report = analyze("The first poll has a margin of error of 3 points. The second had a margin of error of 4 points.")
    assert report.conflicts == []
    report = analyze("Guidance had called for gross margins between 54 and 55 percent.")
    assert report.figures[0].unit == "%"


def test_a_verb_giving_a_figure_above_or_below_gives_a_bound() -> None:
    report = analyze("Officials said 250 died, but witnesses and doctors put the death toll above 1,000.")
    assert [(figure.value, figure.qualifier, figure.source) for figure in report.figures][1][:2] == (1000, "more than")
    assert report.figures[1].source.startswith("witnesses")
    assert len(report.conflicts) == 1
    # a verb's particle that gives no figure is still no bound
    assert analyze("The senator hopes to win over three colleagues.").figures[0].qualifier is None


def test_an_earlier_report_no_one_is_named_for_is_set_against_the_revised_toll() -> None:
    report = analyze(
        "The Xunhe quake was initially reported to have killed five people. The bureau reported Sunday that the "
        "toll was revised down to three late Saturday due to duplicated death reports."
    )
    assert report.figures[1].counted is None  # "three late Saturday" counts no Saturdays
    (conflict,) = report.conflicts
    assert "5 (an earlier report)" in conflict.note


def test_a_deadlines_year_is_no_past_event() -> None:
    report = analyze(
        "Brenner-Kalt plans to eliminate 800 jobs at its plant in Wastrow by the end of 2027, the company said on "
        "Tuesday, but the works council said planning papers showed 1,300 positions would go over the same period."
    )
    assert not report.figures[0].background
    assert len(report.conflicts) == 1
    # a past year still sets an earlier event apart
    assert analyze("In 2019 an attack on the market killed 40 people, police said.").figures[0].background


def test_in_a_story_of_a_gathering_a_bare_number_a_source_gives_counts_the_crowd() -> None:
    report = analyze("Thousands marched through Kessel on Sunday. Police estimate: 8,000. Organisers: 40,000.")
    assert [figure.quantity for figure in report.figures] == ["took part", "took part"]
    assert len(report.conflicts) == 1
    # not in a story of another kind, and not a number no source gives
    assert analyze("A fire swept through Kessel on Sunday. Police estimate: 8,000. Organisers: 40,000.").conflicts == []
    report = analyze("Thousands marched through Kessel on Sunday. Organisers said the route was 4 km long.")
    assert [figure.quantity for figure in report.figures] == [None]  # a length measures no crowd


def test_a_breakdown_adding_up_to_its_total_is_not_shown_as_other_counts() -> None:
    report = analyze(
        'Police said seven people had died. "Eleven people are dead," the hospital director told Reuters. '
        '"Nine were brought to us already dead and two died in surgery."'
    )
    [conflict] = report.conflicts
    assert sorted(report.figures[i].value for i in conflict.figures) == [7, 11]


def test_each_value_put_at_takes_the_quantity_named_before_it() -> None:
    report = analyze("The consortium put the magnitude at 6.7 and the depth at 9 km.")
    quantities = {figure.value: figure.quantity for figure in report.figures}
    assert quantities == {6.7: "magnitude", 9: "depth"}
