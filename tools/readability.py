#!/usr/bin/env python3
"""Quick self-check for data writers: the same readability rule as the data compiler's test
(data-compiler/src/readability.rs). Usage: python3 tools/readability.py [data-dir]

Flesch–Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59.
Limits: no sentence over 30 words; no text above grade 12; no file's mean above grade 9.
"""
import re, sys, tomllib, pathlib

FIELDS = {"summary", "statement", "prompt", "explanation", "points", "definition", "caption", "note", "text",
          "objectives", "steps"}
TABLES = {"event", "fact", "question", "perspective", "term", "comparison", "lesson", "discussion", "essay", "activity",
          "guide"}

def strip_marks(t):
    return re.sub(r"\[\[([^\]]+)\]\]", r"\1", t)

def sentences(t):
    parts = re.split(r"(?<=[.!?…])[”’\"')]*\s+", t.strip())
    return [p for p in parts if re.search(r"[A-Za-z0-9]", p)]

def words(s):
    return [w for w in re.split(r"[\s—–/]+", s) if re.search(r"[A-Za-z0-9]", w)]

def syllables(w):
    w = re.sub(r"[^a-z]", "", w.lower())
    if not w:
        return 1
    n = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith("le") and n > 1:
        n -= 1
    return max(n, 1)

def grade(t):
    ss = sentences(strip_marks(t))
    ws = [w for s in ss for w in words(s)]
    if not ws:
        return 0.0, 0
    syl = sum(syllables(w) for w in ws)
    longest = max(len(words(s)) for s in ss)
    return 0.39 * len(ws) / len(ss) + 11.8 * syl / len(ws) - 15.59, longest

def main():
    d = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "data")
    bad = 0
    for f in sorted(d.glob("*.toml")):
        doc = tomllib.loads(f.read_text())
        grades = []
        for table, entries in doc.items():
            if table not in TABLES:
                continue
            # A lesson's steps are tables of their own, with the same fields.
            steps = lambda entry: entry["step"] if table == "lesson" else []
            for e in [x for entry in entries for x in [entry, *steps(entry)]]:
                for k, v in e.items():
                    if k not in FIELDS:
                        continue
                    for text in (v if isinstance(v, list) else [v]):
                        g, longest = grade(text)
                        grades.append(g)
                        if g > 12 or longest > 30:
                            bad += 1
                            print(f"{f.name}: {e.get('id')}.{k}: grade {g:.1f}, longest sentence {longest} words")
        if grades:
            mean = sum(grades) / len(grades)
            flag = "  <-- over 9" if mean > 9 else ""
            bad += mean > 9
            print(f"{f.name}: mean grade {mean:.2f} over {len(grades)} texts{flag}")
    sys.exit(1 if bad else 0)

main()
