"""Word forms readers type for a name, derived from the names and aliases in the content.

The search index matches whole words, and the stemmer that would fold plurals made ranking
worse, so each page carries the plural and singular of every word of its own names: 'calf
raise' also answers 'calves', 'calf raises'; 'hill sprints' answers 'hill'; 'push-up' answers
'pushups'; 'runner's knee' answers 'runners knee'; 'clamshell' answers 'clam shells'.

Plurals and singulars come from lemminflect's English lexicon, which knows irregular forms
(foot, feet) and gives none for a word it does not know as a noun, so no form is invented
from a Latin word, a brand or a short function word. Stop words get no forms at all. A
British spelling also carries its American one ('programme', 'program').
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import lemminflect

from generator.model.words import STOP_WORDS
from generator.templating import environment

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TWO_PART = re.compile(r"(?<![-a-z0-9])([a-z0-9]{2,})-([a-z0-9]{2,})(?![-a-z0-9])")

STOP_WORDS_SCRIPT = "assets/javascripts/stop-words.js"
"""Where the build writes STOP_WORDS for the search worker, next to the script that loads it."""


def stop_words_script() -> str:
    """STOP_WORDS as the script the search worker loads, so the list is declared only here."""
    template = environment(autoescape=False).get_template("fragments/stop_words.js.j2")
    return template.render(words=sorted(STOP_WORDS))


SPELLINGS = (
    ("programme", "program"),
    ("metre", "meter"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("tyre", "tire"),
    ("mould", "mold"),
    ("colour", "color"),
    ("favour", "favor"),
    ("stabilis", "stabiliz"),
    ("mobilis", "mobiliz"),
    ("isation", "ization"),
)
"""British spellings the guide writes and the American spelling a reader may type instead,
as parts of words ('kilometres' is also 'kilometers', 'stabilisers' 'stabilizers'). Only
these: '-ise' is not always '-ize' in American English ('exercise', 'supervise')."""


def other_spellings(terms: Iterable[str]) -> set[str]:
    """The American spelling of each British-spelt term in ``terms`` (see SPELLINGS)."""
    found: set[str] = set()
    for term in terms:
        american = term
        for british, us in SPELLINGS:
            american = american.replace(british, us)
        if american != term:
            found.add(american)
    return found


@functools.cache
def word_forms(word: str) -> frozenset[str]:
    """A lower-case word with the singular and plural forms lemminflect knows for it as a
    noun; a stop word or a word the lexicon does not know as a noun is returned alone."""
    if word in STOP_WORDS or not word.isalpha():
        return frozenset() if word in STOP_WORDS else frozenset({word})
    if _gerund(word):
        # 'running', 'training', 'sitting': nobody types 'runnings', and the extra form made
        # 'run' count twice for every page with 'running' in its name.
        return frozenset({word})
    singulars = lemminflect.getAllLemmas(word, upos="NOUN").get("NOUN", ())
    forms = {word, *singulars}
    for noun in forms.copy():
        forms |= set(lemminflect.getAllInflections(noun, upos="NOUN").get("NNS", ()))
    if len(forms) == 1 and word in lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ()):
        # A verb named as an exercise ('wall sit') is typed like a plural: 'wall sits'.
        forms |= set(lemminflect.getAllInflections(word, upos="VERB").get("VBZ", ()))
    if len(forms) == 1:
        # A compound the lexicon lacks takes the forms of its last word: 'clamshells'.
        for cut in range(3, len(word) - 2):
            head, last = word[:cut], word[cut:]
            if _english(head) and _english(last):
                forms |= {head + form for form in word_forms(last)}
                break
    return frozenset(forms)


def split_compound(word: str, vocabulary: set[str]) -> list[str]:
    """'clamshell' as 'clam shell' when both halves are English words the guide already
    uses ('dorsiflexion' is not 'dorsi flexion': 'dorsi' would find the lats)."""
    return [
        f"{word[:cut]} {word[cut:]}"
        for cut in range(3, len(word) - 2)
        if all(part in vocabulary and _english(part) for part in (word[:cut], word[cut:]))
    ]


def _particle(word: str) -> bool:
    """Whether ``word`` can be an adverb, as the 'up' of 'push-up' and the 'down' of
    'step-down' are: such names are typed as one word."""
    return "ADV" in lemminflect.getAllLemmas(word)


def _gerund(word: str) -> bool:
    """Whether ``word`` is the -ing form of another verb ('running' of 'run'; not 'swing')."""
    verbs = lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ())
    return word.endswith("ing") and any(verb != word for verb in verbs)


@functools.cache
def _english(word: str) -> bool:
    return bool(lemminflect.getAllLemmas(word))


def search_terms(names: Iterable[str], vocabulary: set[str]) -> list[str]:
    """Every word form of ``names`` a reader may type, sorted: each word of a name with its
    singular and plural, hyphenated names written as one word ('pushups'), possessives
    without the apostrophe ('runners') and compound words split into words the guide uses
    ('clam shells'). The names' own words are kept: repeated here they mark the page as the
    one about them, ahead of pages that mention them. ``vocabulary`` is the set of words
    used anywhere in the guide's names and text."""
    # Abbreviations (PFPS, RDL) have no plural worth indexing.
    phrases = [" ".join(w for w in name.split() if not w.isupper()).lower() for name in names]
    extra: set[str] = set()
    for phrase in phrases:
        for word in _WORD.findall(phrase):
            base = word.replace("'", "")
            extra |= word_forms(base)
            if "'" in word:
                extra |= word_forms(word.split("'")[0])
            for pair in split_compound(base, vocabulary):
                first, second = pair.split()
                extra |= {first} | word_forms(second)
        # 'push-up' is typed 'pushups' and 'warm-up' 'warmup'; 'knee-to-wall', 'a-skip',
        # 'single-leg' and 'hamstring-curl' are not typed joined.
        for first, last in _TWO_PART.findall(phrase):
            if _particle(last):
                extra |= word_forms(first + last) | {first + form for form in word_forms(last)}
    return sorted(extra | other_spellings(extra))


NAME_KEY = "_"
"""What a name key starts with: no reader types it, so no query word's trailing wildcard
reaches a key ('calf*' would otherwise count 'calfraise' again)."""


def name_keys(names: Iterable[str]) -> list[str]:
    """Each name of up to four words written as one word after NAME_KEY, its last word in
    each of its forms ('_calfraise', '_calfraises' for 'Calf raise'; '_lunges' for 'Lunge'),
    sorted.

    The search worker joins a reader's words the same way and weighs a page whose key
    matches, so 'calf raises' finds the page named Calf raise before Seated calf raise, which
    shares every word but is not what the reader named."""
    keys: set[str] = set()
    for name in names:
        text = name.lower().replace("-", " ").replace("'", "")
        words = [w for w in _WORD.findall(text) if w not in STOP_WORDS]
        if 1 <= len(words) <= 4:
            keys |= {NAME_KEY + "".join(words[:-1]) + form for form in word_forms(words[-1])}
    return sorted(keys)


def symptom_words(symptoms: Iterable[str]) -> list[str]:
    """The words of a problem area's symptom phrases, sorted, without stop words."""
    words = (word for text in symptoms for word in _WORD.findall(text.lower()))
    return sorted({word.replace("'", "") for word in words} - STOP_WORDS)


SHARED_SYMPTOM_WORD = 4
"""A symptom word this many problem areas use ('pain', 'running', 'morning', 'sitting') says
little about which one a reader means."""


def telling_symptom_words(symptoms_by_area: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each problem area's symptom words that fewer than SHARED_SYMPTOM_WORD problem areas use.

    Weighted like a name, the words every problem area uses to describe itself made Plantar
    heel pain first for 'pain under kneecap'. Such words stay in the page's text, weighted as
    text; the telling ones ('kneecap', 'outside', 'downstairs') join the page's names."""
    words = {area: set(symptom_words(symptoms)) for area, symptoms in symptoms_by_area.items()}
    users = Counter(word for own in words.values() for word in own)
    return {
        area: sorted(word for word in own if users[word] < SHARED_SYMPTOM_WORD)
        for area, own in words.items()
    }


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The lower-case words of ``texts``."""
    return {word.replace("'", "") for text in texts for word in _WORD.findall(text.lower())}


def page_search_terms(meta: Mapping[str, Any]) -> list[str]:
    """The search terms a page's front matter declares: its `search: terms:` and the word
    forms of its `questions:` (hand-written guides declare both; generated pages have their
    questions' forms in their terms already)."""
    search = meta.get("search")
    terms = search.get("terms") if isinstance(search, dict) else None
    questions = meta.get("questions")
    declared = [str(term) for term in terms] if isinstance(terms, list) else []
    asked = [str(q) for q in questions] if isinstance(questions, list) else []
    return sorted({*declared, *other_spellings(declared), *search_terms(asked, set())})
