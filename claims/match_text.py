"""A claim's "match text": its words folded so that two wordings of one statement meet.

Pure text processing (no Django), used by ``claims.matching`` to store and search the text a
claim is compared on. Case, accents and punctuation go; numbers and units take one spelling
each ("2 per cent", "2%", "two percent" all read ``2 pct``; "1,200", "1 200" and "1.200" in a
German release read ``1200``; "£1.2bn" reads ``gbp 1200000000``); a few words that carry no
claim of their own ("the", "of", "said") go too, so that what is left is what the claim says.

Search (``claims.search``) folds differently on purpose: it keeps every word a person might
type. The match text is for comparing two claims, never shown.
"""

import re
import unicodedata

# Number words in the four languages, up to nineteen and the tens. Larger numbers are written in
# figures in releases, and "two million" is the word and the scale.
_UNITS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
    "fr": "zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf",
    "de": "null eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn "
    "vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciseis diecisiete dieciocho diecinueve",
}
_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "fr": "vingt trente quarante cinquante soixante",
    "de": "zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
}
NUMBER_WORDS = {}
for _words in _UNITS.values():
    NUMBER_WORDS.update({word: value for value, word in enumerate(_words.split())})
for _words in _TENS.values():
    NUMBER_WORDS.update({word: 20 + 10 * value for value, word in enumerate(_words.split())})
# "un", "uno", "one", "eins" are also articles or pronouns ("one of the ..."): only a number
# when a scale or unit follows ("one million", "un pour cent").
_WEAK_NUMBERS = {"un", "une", "uno", "una", "one", "eins", "ein", "eine", "null", "zero", "cero"}
NUMBER_WORDS.update({"une": 1, "una": 1, "ein": 1, "eine": 1, "a": 1})

SCALES = {
    "hundred": 100, "cien": 100, "ciento": 100, "hundert": 100,
    "thousand": 1_000, "mille": 1_000, "mil": 1_000, "tausend": 1_000, "k": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "millon": 1_000_000, "millones": 1_000_000,
    "millionen": 1_000_000, "mio": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000, "milliarde": 1_000_000_000,
    "milliarden": 1_000_000_000, "mrd": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12,
}
# Scales written after a figure only: "1.2m", "£3bn"; as words they would be letters.
_FIGURE_ONLY_SCALES = {"k", "m", "mn", "b", "bn", "tn", "mio", "mrd"}

# Units, each to one word: "per cent" and "%" are ``pct``; currencies their ISO code.
_PERCENT_PHRASES = (
    "per cent", "percent", "pour cent", "por ciento", "prozent", "pct", "%",
    "percentage points", "percentage point", "points de pourcentage", "puntos porcentuales",
    "prozentpunkte",
)
CURRENCY_SIGNS = {"£": "gbp", "$": "usd", "€": "eur", "¥": "jpy", "₹": "inr"}
CURRENCY_WORDS = {
    "pounds": "gbp", "pound": "gbp", "sterling": "gbp", "gbp": "gbp",
    "dollars": "usd", "dollar": "usd", "usd": "usd", "us$": "usd",
    "euros": "eur", "euro": "eur", "eur": "eur",
}

# Words that say nothing a claim could be matched on, in the four languages: articles,
# prepositions, auxiliaries and the verbs of attribution.
_STOP_WORDS_BY_LANGUAGE = (
    "the of and or to in on at by for from with as that this these those it its is are was were "
    "be been being has have had will would shall should can could may might do does did not no "
    "than then there their they them he she his her we our you your my me us an also which who "
    "whom what when where while into over under about after before since said says say "
    "according told added",
    "le la les de des du et ou au aux en dans sur par pour avec que qui est sont ete ont sera il "
    "elle ils elles nous vous son sa ses leur leurs ce cette ces plus selon",
    "der die das den dem des und oder zu im am an auf fur mit von als dass ist sind war waren "
    "wird werden hat haben er sie es wir ihr sein seine nach bei uber laut",
    "el los las del y en con por para que es son fue ha han se su sus al lo segun mas",
)
STOP_WORDS = frozenset(word for words in _STOP_WORDS_BY_LANGUAGE for word in words.split())

_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[,.\u00a0\u202f ]\d{3})+)(?![\d])")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[%£$€¥₹]")


def fold(text):
    """Lower case without accents: "Élysée" reads "elysee"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _join_thousands(match):
    """ "1,200" and "1 200" are 1200; "1.200" too, and "3.500" unless it reads as a decimal.

    A group separator is followed by exactly three digits; "2.5" or "1,25" stays a decimal.
    A lone "1.500" is ambiguous (English decimal, German thousands): both languages' releases
    repeat a figure with its own convention, so it reads as thousands, the likelier in prose.
    """
    head, groups = match.group(1), match.group(2)
    return head + re.sub(r"\D", "", groups)


def _figure(token):
    """The value of a figure token ("1200", "2d5"), or None."""
    if token.isdigit():
        return int(token)
    if re.fullmatch(r"\d+d\d+", token):
        whole, fraction = token.split("d")
        return float(f"{whole}.{fraction}")
    return None


def _spell(value):
    """One spelling of a number: integers plain, decimals with ``d`` for the point ("2d5")."""
    if isinstance(value, float):
        if value == int(value):
            return str(int(value))
        return f"{value:.6f}".rstrip("0").replace(".", "d")
    return str(value)


def _split_figures(tokens):
    """Split a figure stuck to its scale or sign: "1d2bn" -> "1d2", "bn"; "10k" -> "10", "k"."""
    out = []
    for token in tokens:
        match = re.fullmatch(r"(\d+(?:d\d+)?)([a-z]+)", token)
        if match and match.group(2) in SCALES:
            out.extend(match.groups())
        else:
            out.append(token)
    return out


def _word_value(token):
    """The value of a number word ("seven", "twenty-five", "soixante-dix"), or None."""
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    parts = token.split("-")
    if len(parts) > 1 and all(part in NUMBER_WORDS for part in parts):
        return sum(NUMBER_WORDS[part] for part in parts)
    return None


# Words that multiply what comes before them within a number written in words.
_HUNDREDS = {"hundred", "cent", "cents", "cien", "ciento", "cientos", "hundert"}
_JOINING = {"and", "et", "y", "und"}  # "two hundred and fifty"


def _number_in_words(tokens, i):
    """A number written in words from ``tokens[i]`` ("two hundred and fifty", "sept cent
    soixante-dix", "three million"): (its value, the index after it), or (None, i)."""
    total = current = 0
    j, seen = i, False
    while j < len(tokens):
        token = tokens[j]
        value = _word_value(token)
        if value is not None:
            current += value
        elif token in _HUNDREDS and seen:
            current = max(current, 1) * 100
        elif token in SCALES and token not in _FIGURE_ONLY_SCALES and seen:
            total += max(current, 1) * SCALES[token]
            current = 0
        elif token in _JOINING and seen and j + 1 < len(tokens) and (
            _word_value(tokens[j + 1]) is not None
        ):
            pass
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else (None, i)


def _read_numbers(tokens):
    """Numbers in words and figures with their scales, as one figure each."""
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        value = _figure(token)
        if value is not None:
            # A figure and its scale words: "1.2 million", "3 milliards".
            while following in SCALES:
                value *= SCALES[following]
                i += 1
                following = tokens[i + 1] if i + 1 < len(tokens) else ""
            out.append(_spell(value))
            i += 1
            continue
        if _word_value(token) is None:
            out.append(token)
            i += 1
            continue
        value, after = _number_in_words(tokens, i)
        weak = token in _WEAK_NUMBERS or token == "a"
        if weak and after == i + 1 and following != "pct":
            # "one of the", "a report": a word, unless a scale or unit makes it a number
            # ("a million", "one per cent"); "a" says nothing as a word.
            if token != "a":
                out.append(token)
            i += 1
            continue
        out.append(_spell(value))
        i = after
    return out


def match_text(text):
    """The match text of ``text``: folded words, figures in one spelling, units as one word."""
    text = fold(text)
    text = _THOUSANDS.sub(_join_thousands, text)
    text = _DECIMAL.sub("d", text)
    for phrase in _PERCENT_PHRASES:
        if phrase in text:
            text = re.sub(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", " pct ", text)
    tokens = _TOKEN.findall(text)
    tokens = [CURRENCY_SIGNS.get(token, token) for token in tokens]
    tokens = [CURRENCY_WORDS.get(token, token) for token in tokens]
    tokens = _read_numbers(_split_figures(tokens))
    words = []
    for token in tokens:
        # Hyphens part words ("12-month", "16-48"), as pg_trgm parts them.
        for part in token.split("-"):
            # Single letters are elisions and initials ("l’", "d’", "J."): no claim of their own.
            if part and part not in STOP_WORDS and (len(part) > 1 or part.isdigit()):
                words.append(_stem(part))
    return " ".join(words)


def _stem(word):
    """A plural's singular, roughly: "jobs" -> "job", "figures" -> "figure"; short words kept.

    Enough for a release repeating its own figure ("new homes" / "new home"); full stemming
    would need the language and merge words that are different claims.
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[0].isdigit():
        return word[:-1]
    return word


def numbers_in(text):
    """The figures of a match text, as a set of their spellings ("2", "2d5", "1200")."""
    return {token for token in text.split() if token[0].isdigit()}


def trigrams(text):
    """The trigrams of a match text as PostgreSQL's pg_trgm takes them: each word padded with
    two spaces before and one after, so that SQLite gives the similarity PostgreSQL does."""
    grams = set()
    for word in text.split():
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(a, b):
    """pg_trgm's ``similarity(a, b)`` of two match texts: shared trigrams over all of them."""
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def figures_agree(text, other):
    """Whether two match texts' figures agree: 1 when every figure of the one with fewer is
    in the other ("3.9% in October" and "held at 3.9%, and 137,000 jobs"), 0 when one is not
    ("3.9%" and "4.0%": another statistic, however alike the words), 0.8 when only one of them
    has figures, 1 when neither has."""
    mine, theirs = numbers_in(text), numbers_in(other)
    if not mine and not theirs:
        return 1.0
    if not mine or not theirs:
        return 0.8
    fewer, more = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    return 1.0 if fewer <= more else 0.0


def similarity(text, other, trigram=None):
    """How close two match texts read, 0 to 1 (the figure the claim page shows)."""
    if trigram is None:
        trigram = trigram_similarity(text, other)
    return round(trigram * figures_agree(text, other), 4)
