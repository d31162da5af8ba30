#!/usr/bin/env python3
"""A stream of synthetic fictional news articles for the incremental-cost bench.

  python3 bench/stories/make_stream.py --articles 1000000 [--per-day 1000] [--seed 7] > stream.jsonl

JSON lines of clean text records, {"url", "title", "text", "date", "site_name"}, in
publication order: `--per-day` articles a day from 2020-01-01 on, each about one of the day's
events (about one event per 12 articles; an event is covered for one to three days, by several
of 300 fictional outlets in their own words), 15% of them headline-only items (no "text", as a
feed lists them). Places, people and organisations are made of invented syllables, so no text
is anyone's. Deterministic for a seed; about 50 s per million articles.
"""
import argparse
import datetime
import json
import random
import sys

SYL = ["ar", "bel", "cor", "dun", "el", "fen", "gal", "har", "is", "jor", "kel", "lun", "mar",
       "nor", "ol", "pen", "quar", "ros", "sel", "tor", "ul", "ven", "wen", "yar", "zel", "bri",
       "cal", "dor", "est", "fal", "gor", "hel", "ith", "kor", "lor", "mer", "nith", "orn"]


def name(rng, parts):
    return "".join(rng.choice(SYL) for _ in range(parts)).capitalize()


# Each kind: headline templates and sentences, two phrasings each. Slots: {p} place, {k} second
# place, {q} and {m} people, {o} organisation, {x} the event's own detail word, {n} a figure,
# {d} weekday. No template runs more than four words between slots: copy detection compares
# five-word shingles, and real reports of different events do not share long runs of words,
# so neither do these (longer shared runs made reports of different fires wire copies).
KINDS = [
    (["Fire at {o} {x} depot in {p}", "{p} fire: {n} crews at {x} depot", "{x} blaze in {p}, {q} says"],
     [["{n} crews fought the {x} fire at {o} in {p} on {d}.", "On {d}, {n} {p} crews battled flames at the {x} depot of {o}."],
      ["{q}, fire chief in {p}, said the {x} blaze began in {m}'s unit.", "The blaze started near {m}'s {x} unit, {p} fire chief {q} said."],
      ["Homes between {p} and {k} were told to close windows.", "{k} and {p} residents kept windows shut against {x} smoke."],
      ["{o} said no {x} staff were hurt.", "Nobody at {o} was hurt, {m} of {o} said on {d}."]]),
    (["{o} staff strike in {p}", "Strike halts {o} {x} plant in {p}", "{p}: {n} {o} workers walk out"],
     [["{n} workers at the {o} {x} plant in {p} struck on {d}.", "On {d}, {n} {o} staff in {p} walked out of the {x} plant."],
      ["{q}, who leads the {x} union, said talks with {o} failed.", "Talks with {o} broke down, {x} union leader {q} said in {p}."],
      ["{m} of {o} said the {n} pay offer stood.", "{o} manager {m} said its {n} offer was still open."],
      ["The {x} strike may spread from {p} to {k}.", "Union members in {k} could join the {p} strike, {q} said."]]),
    (["{q} wins {p} mayoral vote", "{p} elects {q} mayor", "{q} beats {m} in {p} with {n} votes"],
     [["{q} won the {p} mayoral vote on {d} with {n} votes.", "With {n} votes, {q} was elected mayor of {p} on {d}."],
      ["{q} beat {m}, who ran for {o}.", "{m} of {o} came second to {q} in {p}."],
      ["{q} promised a {x} road from {p} to {k}.", "A new {x} road to {k} was {q}'s main {p} pledge."],
      ["Turnout in {p} rose, {o} said.", "{o} counted {n} ballots in {p} and {k}."]]),
    (["{o} to buy {x} for {n} million", "{o} agrees {n} million {x} deal", "{q} backs {o} bid for {x}"],
     [["{o} agreed on {d} to buy {x} of {p} for {n} million.", "For {n} million, {o} will buy {p}-based {x}, it said on {d}."],
      ["{q}, head of {o}, said {x} fits its {k} plans.", "{o} chief {q} said buying {x} helps it grow in {k}."],
      ["{x} founder {m} will stay on.", "{m}, who founded {x} in {p}, keeps a board seat."],
      ["The {p} competition office must approve the {x} deal.", "Regulators in {p} still need to clear the {o} and {x} deal."]]),
    (["Floods hit {p} and {k}", "{x} river bursts banks in {p}", "{p} floods: {n} homes emptied"],
     [["The {x} river flooded parts of {p} on {d}, emptying {n} homes.", "On {d}, {n} homes in {p} were emptied as the {x} rose."],
      ["{q} of {o} said the {x} rose two metres overnight.", "The {x} gained two metres overnight, {o} hydrologist {q} said."],
      ["Roads from {p} to {k} were shut, {m} said.", "{m} said {k} could not be reached from {p} by road."],
      ["More rain is due in {p} before {x} levels fall.", "{o} expects more rain over {p} and the {x} valley."]]),
    (["{q} on trial in {p}", "{p} court hears case of {q}", "Trial of ex-{o} manager {q} opens"],
     [["The trial of {q}, formerly of {o}, opened in {p} on {d}.", "On {d}, ex-{o} manager {q} went on trial in {p}."],
      ["Prosecutor {m} says {q} took {n} thousand from the {x} fund.", "{q} is accused by {m} of taking {n} thousand from {x}."],
      ["Lawyers for {q} denied every {x} charge.", "{q} denies the charges, the defence told the {p} court."],
      ["The {p} court will hear {n} witnesses from {k}.", "{n} witnesses, many from {k}, are due in {p}."]]),
    (["{o} opens {x} line to {p}", "New {x} rail link joins {p} and {k}", "{n} daily trains on {p} {x} line"],
     [["{o} opened the {x} line from {p} to {k} on {d}, with {n} trains daily.", "On {d}, {n} trains a day began running on {o}'s {x} line between {p} and {k}."],
      ["Minister {q} said the {x} line saves an hour.", "The {p} trip to {k} is an hour shorter, minister {q} said."],
      ["{p} commuters filled the first {x} trains, {m} said.", "The first trains out of {p} were full, {o} spokesman {m} said."],
      ["{o} spent four years on the {x} line.", "Building the {x} line took {o} four years, {m} said."]]),
    (["{p} beat {k} in {x} cup final", "{x} cup: {p} win {n}-1", "{q} scores twice as {p} lift {x} cup"],
     [["{p} beat {k} in the {x} cup final on {d}, {q} scoring twice.", "{q} scored twice as {p} won the {x} cup against {k} on {d}."],
      ["{n} thousand fans filled the {o} stadium.", "The {o} stadium in {p} held {n} thousand fans."],
      ["{p} coach {m} said the {x} win was earned.", "Coach {m} called the {p} win earned."],
      ["{k} had won the {x} cup twice before.", "{k}, twice {x} cup winners before, lost to {p}."]]),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=0, help="skip this many articles first")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    outlets = sorted({name(rng, 2) + " " + rng.choice(["Times", "Post", "Courier", "Herald",
                                                        "News", "Gazette", "Echo", "Daily"])
                      for _ in range(300)})
    start = datetime.date(2020, 1, 1)
    out = sys.stdout
    events = []  # (kind, slots, last day, weight)
    written = 0
    total = args.start + args.articles
    day = 0
    while written < total:
        date = start + datetime.timedelta(days=day)
        weekday = DAYS[date.weekday()]
        events = [e for e in events if e[2] >= day]
        for _ in range(max(1, args.per_day // 12)):
            slots = {"p": name(rng, 2), "k": name(rng, 2), "q": name(rng, 2) + " " + name(rng, 3),
                     "m": name(rng, 2) + " " + name(rng, 2), "x": name(rng, 2),
                     "o": name(rng, 2) + " " + rng.choice(["Group", "Rail", "Foods", "Bank",
                                                          "Works", "Council", "Agency"]),
                     "n": str(rng.randint(2, 900))}
            events.append((rng.randrange(len(KINDS)), slots, day + rng.choice([0, 0, 1, 2]),
                           rng.paretovariate(1.5)))
        weights = [e[3] for e in events]
        for i in range(args.per_day):
            if written >= total:
                break
            kind, slots, _, _ = rng.choices(events, weights)[0]
            titles, sentences = KINDS[kind]
            s = dict(slots, d=weekday)
            outlet = rng.choice(outlets)
            minute = i * 1440 // args.per_day
            rec = {"url": "https://%s.example/%s/%d" % (outlet.replace(" ", "-").lower(),
                                                         date.isoformat(), written),
                   "title": rng.choice(titles).format(**s),
                   "date": "%sT%02d:%02d:00Z" % (date.isoformat(), minute // 60, minute % 60),
                   "site_name": outlet}
            if rng.random() >= 0.15:
                body = rng.sample(sentences, k=rng.randint(3, 4))
                rec["text"] = " ".join(rng.choice(b).format(**s) for b in body)
            if written >= args.start:
                out.write(json.dumps(rec) + "\n")
            written += 1
        day += 1


if __name__ == "__main__":
    main()
