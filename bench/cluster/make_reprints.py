#!/usr/bin/env python3
"""Generates the reprint-family fixture: >= 500 documents from a few hand-written fictional
articles, republished the way syndication does it (new headline, truncation, an inserted local
paragraph, outlet templates, small wording edits). All text is invented for this project.

  python3 bench/cluster/make_reprints.py OUT.jsonl [--seed 7]

Each line: {id, date, title, text, source, wire, family, story}. `family` is the base text a
document copies, `story` the event. The last line of stderr gives, per story, the number of
independent voices: the distinct bases (one voice each, however many outlets reprint it).
"""
import argparse, json, random, sys

# Four events; two are the same kind (ferry accidents) in different places and months.
EVENTS = {
    "ferry-lorn": {
        "date": "2026-03-10",
        "headlines": ["Ferry runs aground off Lorn Island", "Dozens rescued as ferry hits reef near Lorn",
                      "Lorn ferry grounding: 212 passengers safe", "Coastguard frees passengers from stranded Lorn ferry"],
        "bases": {
            "Baltic Wire": [
                "LORN ISLAND — The passenger ferry Saint Oda ran aground on a reef two miles off Lorn Island early on Tuesday, and all 212 passengers and 19 crew were taken off by lifeboats, the coastguard said.",
                "The ferry had left the harbour of Keswold at 5:40 a.m. in fog and was steering around the northern sandbanks when its hull struck rocks, captain Mirela Dunst told the island radio station.",
                "Four passengers were treated for hypothermia at the Lorn clinic; nobody was seriously hurt, the island's health officer said.",
                "The Saint Oda, built in 1998, was listing about eight degrees by midmorning and a salvage tug was on its way from Keswold, operator Tidewater Lines said.",
                "Tidewater Lines cancelled its other crossings to the island until Thursday and said an inspector from the maritime authority would board the ship once the tide turned.",
                "It was the second grounding on the Lorn route in four years; in 2022 a cargo vessel struck the same reef in a storm.",
            ],
            "Lorn Island Voice": [
                "Fishermen from Lorn Island were the first to reach the Saint Oda on Tuesday morning, hours before the lifeboats arrived, islanders said.",
                "Harbour master Tobiah Kray said six fishing boats left the pier as soon as the ferry's horn was heard through the fog, and they carried children and older passengers to the slipway.",
                "The school hall was opened as a shelter and volunteers served soup to more than a hundred stranded travellers, many of whom had planned to catch connecting trains in Keswold.",
                "Islanders have asked for a lit beacon on the northern reef since the 2022 grounding, and the council said it would raise the request again at its meeting on Friday.",
                "Tidewater Lines said it would pay for hotel rooms for passengers until the next crossing.",
            ],
        },
    },
    "ferry-varn": {
        "date": "2026-03-11",
        "headlines": ["Ferry fire forces evacuation on Varn river", "Passengers flee burning ferry near Varn docks",
                      "Fire on Varn river ferry: 64 evacuated", "Engine fire halts Varn ferry service"],
        "bases": {
            "Continental Press": [
                "VARNHOLT — Fire broke out in the engine room of the river ferry Kestrel on the Varn on Wednesday afternoon, and its 64 passengers were moved to a police launch before the boat reached the docks, the fire brigade said.",
                "Smoke was seen rising from the stern shortly after the ferry left the Old Market landing at 2:15 p.m., fire chief Anselm Roeder said.",
                "Crews in two boats put out the fire within forty minutes; three crew members were treated for smoke inhalation.",
                "The city transport office suspended the river line until the whole fleet of five ferries had been checked, a spokeswoman said.",
                "The Kestrel had passed its annual inspection in January, according to the office.",
            ],
            "Varnholt Evening Star": [
                "Commuters on the Varn river line faced long queues for buses on Wednesday evening after the fire on the Kestrel shut the ferry service across the city.",
                "At the Old Market landing, passenger Liesel Amberg said the crew handed out life jackets calmly and told everyone to move to the bow while the smoke thickened.",
                "Bus operator Varn City Transit added twelve extra buses on the riverside route and said they would run until the ferries return.",
                "The transport office said the checks of the five ferries could take until the end of next week.",
                "City councillor Jonas Pell asked for a report on the age of the fleet's engines.",
            ],
        },
    },
    "orchard-merger": {
        "date": "2026-03-10",
        "headlines": ["Orchard Foods to buy Halvard Dairies for 1.2 billion", "Orchard Foods agrees Halvard deal",
                      "Halvard Dairies sold to Orchard in 1.2 billion deal", "Dairy takeover: Orchard Foods bids for Halvard"],
        "bases": {
            "Market Wire Service": [
                "Orchard Foods agreed on Tuesday to buy Halvard Dairies for 1.2 billion crowns in cash, creating the largest maker of chilled foods in the northern provinces, the two companies said.",
                "Orchard will pay 48 crowns a share, a premium of 31 percent on Halvard's closing price on Monday, chief executive Ilse Moravec told analysts on a call.",
                "The combined group would employ about 9,300 people at 14 plants and expects savings of 60 million crowns a year by 2028.",
                "Halvard's founding family, which owns 22 percent of the shares, has backed the offer, according to the statement.",
                "The deal needs the approval of the competition authority, which last year blocked a smaller dairy merger in the south.",
                "Halvard shares jumped 27 percent in early trading.",
            ],
            "Provincial Business Daily": [
                "Dairy farmers who supply Halvard said on Tuesday they want guarantees on milk prices before Orchard Foods takes over the cooperative's old rival.",
                "Farmers' union chair Pavla Stern said 1,100 farms sell milk to Halvard's three creameries and that a single buyer could push prices down.",
                "Orchard said it would honour existing contracts until they expire at the end of 2027.",
                "Analysts at Nordbank said the deal gives Orchard the cheese brands it has lacked, but warned the competition authority would look closely at the yoghurt market.",
                "The two companies together would sell about half of the yoghurt in the northern provinces.",
            ],
        },
    },
    "museum-theft": {
        "date": "2026-03-12",
        "headlines": ["Medieval crown stolen from Brenmark museum", "Thieves take gold crown from Brenmark museum",
                      "Brenmark museum robbed of 14th-century crown", "Police hunt thieves after Brenmark crown theft"],
        "bases": {
            "Baltic Wire": [
                "BRENMARK — Thieves broke into the city museum of Brenmark overnight and stole a gold crown made in the 14th century, police said on Thursday.",
                "The thieves cut through a skylight above the treasury room shortly after 3 a.m. and were inside for less than six minutes, police inspector Halvor Ness said.",
                "The crown, set with 37 garnets, was made for the coronation of a local duke and has been on display since 1911.",
                "Museum director Agnes Fell said the piece could not be sold openly and appealed to the thieves not to melt it down.",
                "Police closed the old town square to search it and asked residents to hand in any camera footage from the night.",
            ],
            "Brenmark Courier": [
                "The night guard at the Brenmark city museum said he heard glass breaking but found the treasury room empty by the time he reached it.",
                "Museum staff had asked the city for a new alarm system in 2024, according to council minutes seen by the Courier, but the money was moved to roof repairs.",
                "Visitors queued outside the museum on Thursday morning before learning it would stay closed until Monday.",
                "The museum's friends' association offered a reward of 50,000 crowns for information leading to the crown's return.",
            ],
        },
    },
}

OUTLETS = [f"{a} {b}" for a in ("Northern", "Eastside", "Harbour", "Valley", "Lakeland", "Metro", "Coastal", "Upland", "Riverside", "Highland")
           for b in ("Gazette", "Herald", "Post", "Times", "Observer", "Chronicle", "Courier")]
TOWNS = ["Kettle Bay", "Amsel", "Dorrin", "Fairholm", "Ostrava Creek", "Pellow"]
LOCAL = [
    "In {town}, the local council said it was following the news closely and had no reports of residents affected.",
    "Readers in {town} can find updates on our website throughout the day.",
    "A {town} family who were travelling in the region told this newspaper they were safe and hoped to be home by the weekend.",
]
TEMPLATES = [
    ("", ""),
    ("", "\n© 2026 {wire}. All rights reserved."),
    ("Updated {time}\n", ""),
    ("", "\nRead more stories like this in our daily newsletter."),
    ("By {wire} staff\n", "\nThis story was edited by {outlet}."),
]
EDITS = [(" said", " stated"), (" on Tuesday", " Tuesday"), ("percent", "per cent"), (" about ", " roughly ")]


def reprint(rng, paras, outlet, wire):
    keep = rng.randint(3, len(paras))                 # truncation
    body = list(paras[:keep])
    if rng.random() < 0.5:                             # inserted local paragraph
        body.insert(rng.randint(1, len(body)), rng.choice(LOCAL).format(town=rng.choice(TOWNS)))
    text = "\n".join(body)
    for a, b in rng.sample(EDITS, rng.randint(0, 2)):  # wording edits
        text = text.replace(a, b, 1)
    head, foot = rng.choice(TEMPLATES)
    time = f"{rng.randint(6, 22)}:{rng.choice(['05', '20', '45'])}"
    return head.format(wire=wire or outlet, outlet=outlet, time=time) + text + foot.format(wire=wire or outlet, outlet=outlet)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--copies", type=int, default=63, help="reprints per base text")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    docs, voices = [], {}
    for story, ev in EVENTS.items():
        voices[story] = len(ev["bases"])
        for b, (author, paras) in enumerate(ev["bases"].items()):
            is_agency = any(k in author for k in ("Wire", "Press"))
            wire = [author] if is_agency else []
            fam = f"{story}/{b}"
            docs.append({"id": f"{fam}/0", "date": f"{ev['date']}T06:0{b}:00Z", "title": rng.choice(ev["headlines"]),
                         "text": "\n".join(paras), "source": author, "wire": wire, "family": fam, "story": story})
            for k, outlet in enumerate(rng.sample(OUTLETS, a.copies if a.copies <= len(OUTLETS) else len(OUTLETS))):
                minute = 10 + k
                docs.append({"id": f"{fam}/{k + 1}", "date": f"{ev['date']}T{7 + minute // 60:02d}:{minute % 60:02d}:00Z",
                             "title": rng.choice(ev["headlines"]), "text": reprint(rng, paras, outlet, author if is_agency else ""),
                             "source": outlet, "wire": wire, "family": fam, "story": story})
    docs.sort(key=lambda d: (d["date"], d["id"]))
    with open(a.out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {sum(len(e['bases']) for e in EVENTS.values())} families, {len(EVENTS)} stories",
          file=sys.stderr)
    print("independent voices " + json.dumps(voices), file=sys.stderr)


if __name__ == "__main__":
    main()
