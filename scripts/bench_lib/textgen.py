"""Deterministic synthetic prose for the benchmark libraries.

Everything here comes from a seeded `random.Random` and the small word lists
below (written for this suite); no text is copied from anywhere. The output
reads like news copy from a distance: sentences of 8-24 words with commas,
quotes now and then, invented names for people, places and publications.

Speed matters (100,000 articles of ~600 words must generate in well under two
minutes), so articles are assembled from a pre-generated pool of sentences;
every article still differs from every other one (its own title, names,
dates and sentence choice), which matters because folio identifies articles
by a hash of their content when they name no URL.
"""

from __future__ import annotations

import random

# --- word lists (our own) -------------------------------------------------

DETERMINERS = ["the", "a", "this", "that", "every", "one", "another", "each", "their", "its", "our"]
PREPOSITIONS = ["in", "on", "near", "behind", "across", "under", "over", "beside", "through", "after",
                "before", "along", "beyond", "around", "between", "without", "towards", "against"]
CONJUNCTIONS = ["and", "but", "while", "because", "although", "so", "until", "since", "whereas", "yet"]
ADVERBS = ["quietly", "slowly", "finally", "already", "mostly", "rarely", "openly", "nearly", "still",
           "often", "largely", "briefly", "steadily", "suddenly", "gradually", "roughly", "barely",
           "again", "soon", "later", "early", "twice", "locally", "formally", "quickly"]
ADJECTIVES = [
    "old", "new", "small", "large", "quiet", "busy", "narrow", "wide", "early", "late", "local", "public",
    "private", "northern", "southern", "coastal", "rural", "urban", "wet", "dry", "cold", "warm", "bright",
    "dark", "heavy", "light", "cheap", "costly", "modest", "ambitious", "careful", "second", "third",
    "final", "temporary", "permanent", "shared", "empty", "crowded", "tall", "low", "familiar", "strange",
    "wooden", "stone", "electric", "seasonal", "weekly", "annual", "former", "future", "regional",
    "independent", "volunteer", "municipal", "historic", "restored", "broken", "unfinished", "popular",
]
NOUNS = [
    "harbour", "market", "library", "bridge", "council", "school", "orchard", "ferry", "station", "mill",
    "bakery", "garden", "river", "valley", "street", "square", "tower", "archive", "museum", "theatre",
    "clinic", "farm", "forest", "quarry", "canal", "pier", "lighthouse", "workshop", "warehouse", "depot",
    "budget", "report", "plan", "vote", "survey", "permit", "grant", "contract", "schedule", "timetable",
    "winter", "summer", "season", "morning", "evening", "weekend", "decade", "century", "storm", "flood",
    "drought", "harvest", "festival", "exhibition", "concert", "match", "league", "team", "crew", "union",
    "resident", "teacher", "farmer", "driver", "baker", "engineer", "nurse", "officer", "volunteer",
    "student", "visitor", "neighbour", "owner", "tenant", "mayor", "captain", "director", "spokesperson",
    "road", "path", "lane", "roof", "wall", "window", "door", "floor", "engine", "cable", "pump", "boiler",
    "panel", "sensor", "signal", "clock", "bell", "map", "ledger", "letter", "notice", "ticket", "fare",
    "price", "wage", "rent", "loan", "fund", "debt", "profit", "loss", "share", "estimate", "figure",
    "question", "answer", "problem", "decision", "promise", "warning", "complaint", "petition", "meeting",
]
VERBS_PAST = [
    "opened", "closed", "rebuilt", "repaired", "approved", "rejected", "delayed", "announced", "measured",
    "counted", "moved", "replaced", "restored", "tested", "planned", "finished", "started", "questioned",
    "funded", "reviewed", "extended", "reduced", "raised", "lowered", "shared", "signed", "cancelled",
    "welcomed", "criticised", "visited", "described", "recorded", "noticed", "reported", "expected",
    "promised", "painted", "cleared", "flooded", "lit", "built", "sold", "bought", "kept", "left",
]
VERBS_PRESENT = [
    "opens", "closes", "runs", "stands", "waits", "needs", "costs", "serves", "carries", "holds", "faces",
    "keeps", "shows", "brings", "takes", "turns", "leaves", "marks", "joins", "follows", "reaches",
]
SAY_VERBS = ["said", "added", "explained", "told reporters", "wrote", "recalled", "admitted", "noted"]
QUOTES = [
    "We did not expect this many people", "It is a start, not an answer", "Nobody asked us first",
    "The numbers simply do not work", "You notice it the moment you walk in", "We will be back next year",
    "It took longer than anyone promised", "This is what the town needed", "I have never seen it so busy",
    "There is still a great deal to do", "We are watching the costs closely", "People came from miles away",
    "It is cheaper than the alternative", "Give it a season and see", "The old one lasted forty years",
]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "a hundred", "several", "dozens of"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

SECTIONS = ["News", "Local", "Business", "Climate", "Sport", "Culture", "Science", "Travel", "Opinion",
            "Food", "Transport", "Education", "Health", "Housing", "Weather"]
FOLDERS = ["world", "local", "business", "science", "tech", "climate", "culture", "sport", "food",
           "travel", "transport", "health", "housing", "opinion", "longreads", "clips/2024", "clips/2025",
           "clips/2026", "inbox", "later"]

_ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s",
           "sh", "st", "t", "th", "tr", "v", "w", "y", "z", "bl", "cl", "fl", "gl", "pl", "sl", "sp"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "oa", "ou", "y", "ie"]
_CODAS = ["", "", "n", "r", "l", "m", "s", "th", "ck", "nd", "rt", "st", "ll", "ng", "x", "ft"]
_PLACE_ENDS = ["ford", "bridge", "wick", "ham", "by", "mouth", "stead", "combe", "holm", "ley", "ton",
               "field", "haven", "moor", "dale", "port", "well", "mere"]
_SITE_WORDS = ["Gazette", "Ledger", "Herald", "Courier", "Chronicle", "Post", "Times", "Signal", "Dispatch",
               "Observer", "Echo", "Review", "Bulletin", "Journal", "Daily", "Mercury", "Record"]


def plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


class TextGen:
    """A seeded generator of names, sentences, paragraphs and titles."""

    def __init__(self, seed: int = 20261129, pool_size: int = 30000):
        self.rng = random.Random(seed)
        r = self.rng
        # Invented proper names, generated once from syllables.
        self.first_names = sorted({self._name(r, 2) for _ in range(400)})
        self.surnames = sorted({self._name(r, r.choice((2, 2, 3))) for _ in range(900)})
        self.places = sorted({self._name(r, r.choice((1, 2))) + r.choice(_PLACE_ENDS) for _ in range(500)})
        # Invented nouns extend the vocabulary so that texts are not all alike
        # (a realistic spread of rare words for a future full-text index).
        self.rare = sorted({self._word(r, r.choice((2, 3))) for _ in range(4000)})
        self.sites = []
        for _ in range(120):
            place = r.choice(self.places)
            self.sites.append((f"The {place} {r.choice(_SITE_WORDS)}", place.lower() + r.choice(
                ["news", "daily", "post", "times", "online", ""]) + ".example"))
        self.pool = [self.sentence(r) for _ in range(pool_size)]

    # -- building blocks

    @staticmethod
    def _word(r: random.Random, syllables: int) -> str:
        return "".join(r.choice(_ONSETS) + r.choice(_VOWELS) for _ in range(syllables)) + r.choice(_CODAS)

    @classmethod
    def _name(cls, r: random.Random, syllables: int) -> str:
        return cls._word(r, syllables).capitalize()

    def person(self, r: random.Random) -> str:
        return f"{r.choice(self.first_names)} {r.choice(self.surnames)}"

    def noun_phrase(self, r: random.Random) -> str:
        roll = r.random()
        if roll < 0.12:
            return f"the {r.choice(self.places)} {r.choice(NOUNS)}"
        if roll < 0.22:
            return f"{r.choice(NUMBER_WORDS)} {plural(r.choice(NOUNS))}"
        if roll < 0.30:
            return f"the {r.choice(self.rare)}"
        noun = r.choice(NOUNS)
        if r.random() < 0.5:
            return f"{r.choice(DETERMINERS)} {r.choice(ADJECTIVES)} {noun}"
        return f"{r.choice(DETERMINERS)} {noun}"

    def clause(self, r: random.Random) -> str:
        subject = self.noun_phrase(r) if r.random() < 0.8 else self.person(r)
        if r.random() < 0.6:
            verb = r.choice(VERBS_PAST)
        else:
            verb = r.choice(VERBS_PRESENT)
        parts = [subject]
        if r.random() < 0.25:
            parts.append(r.choice(ADVERBS))
        parts += [verb, self.noun_phrase(r)]
        if r.random() < 0.6:
            parts += [r.choice(PREPOSITIONS), self.noun_phrase(r)]
        return " ".join(parts)

    def sentence(self, r: random.Random) -> str:
        roll = r.random()
        if roll < 0.10:
            body = f"\u201c{r.choice(QUOTES)},\u201d {r.choice(SAY_VERBS)} {self.person(r)}, who {r.choice(VERBS_PAST)} {self.noun_phrase(r)}"
        elif roll < 0.16:
            year = r.randint(1890, 2026)
            body = f"In {r.choice(MONTHS)} {year}, {self.clause(r)}"
        elif roll < 0.22:
            body = f"About {r.randint(2, 98)} per cent of {self.noun_phrase(r)} {r.choice(VERBS_PRESENT)} {self.noun_phrase(r)}"
        else:
            body = self.clause(r)
            if r.random() < 0.45:
                body += f", {r.choice(CONJUNCTIONS)} {self.clause(r)}"
        return body[0].upper() + body[1:] + "."

    def paragraphs(self, r: random.Random, words: int) -> list[str]:
        """Paragraphs of 3-6 pooled sentences adding up to about `words` words."""
        out: list[str] = []
        count = 0
        pool = self.pool
        n = len(pool)
        while count < words:
            sentences = [pool[int(r.random() * n)] for _ in range(r.randint(3, 6))]
            paragraph = " ".join(sentences)
            count += paragraph.count(" ") + 1
            out.append(paragraph)
        return out

    def title(self, r: random.Random) -> str:
        roll = r.random()
        place = r.choice(self.places)
        if roll < 0.3:
            t = f"{place} {r.choice(NOUNS)} {r.choice(VERBS_PRESENT)} {self.noun_phrase(r)} {r.choice(PREPOSITIONS)} {self.noun_phrase(r)}"
        elif roll < 0.55:
            t = f"Why the {r.choice(ADJECTIVES)} {r.choice(NOUNS)} in {place} {r.choice(VERBS_PAST)} {self.noun_phrase(r)}"
        elif roll < 0.8:
            t = f"{r.choice(NUMBER_WORDS).capitalize()} {plural(r.choice(NOUNS))} {r.choice(VERBS_PAST)} as {place} {r.choice(VERBS_PRESENT)} {self.noun_phrase(r)}"
        else:
            t = f"After {r.choice(NUMBER_WORDS)} years, {place} {r.choice(VERBS_PRESENT)} its {r.choice(ADJECTIVES)} {r.choice(NOUNS)}"
        return t[0].upper() + t[1:]

    def standfirst(self, r: random.Random) -> str:
        return self.pool[int(r.random() * len(self.pool))][:-1] + " \u2014 " + self.clause(r) + "."
