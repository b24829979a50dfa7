"""Each kind of story the real-news set names, written here as two wire-style sentences with invented names and
numbers: sources that differ must be flagged, and figures that only look alike (other places, days, parts, goals,
baselines, earlier events, listed kinds) must not. A failure names the sentence; the engine's notes say why."""

from __future__ import annotations

import pytest

from bot.engine import analyze

DIFFERING = [
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
    "Morvane has dismissed union claims that it is to lay off up to 2,500 workers, saying the job losses will be 900.",
    "Initial reports by the company estimated that about 4,000 barrels a day were leaking. Government scientists said 15,000 to 30,000 barrels of oil a day are spewing into the bay.",
]

NOT_DIFFERING = [
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
    "Officials estimated 40,000 hectares had been inundated in the province, 2,900 hectares of which were destroyed. The disaster committee said floods had destroyed 10,000 hectares of paddy.",
    "Hackers leaked the records of 4,000 customers, the bank said. A rival bank said 9,000 of its customers were affected by a separate breach last year.",
]


@pytest.mark.parametrize("text", DIFFERING)
def test_sources_that_differ_are_flagged(text: str) -> None:
    assert len(analyze(text).conflicts) == 1


@pytest.mark.parametrize("text", NOT_DIFFERING)
def test_figures_that_only_look_alike_are_not_flagged(text: str) -> None:
    assert analyze(text).conflicts == []
