"""Claims cut from the text outside quotes and attributions, sentence by sentence, and from
the headline (which may repeat a body quote)."""

from __future__ import annotations

import re
from bisect import bisect_left

from .budget import charge
from .candidate import trim
from .claims import kind_for, reasons_for, repeats, score_for
from .languages import LEXICONS, lexicon
from .lexicon import REPORTING_VERBS, SPEECH_PARTICIPLES
from .model import Claim
from .names import find_refs
from .speakers import Person
from .subjects import analyze_subject, pronoun_ref
from .tokens import Ref, tokenize

_HEADLINE_SEPARATORS = re.compile(r"\s*(?::|\s[–—-]\s|\s\|\s)\s*")
_NEEDS_THAT = frozenset(["agreed", "agrees", "announced", "announces", "confirmed", "confirms"])
# The verbs that report speech in a claim's sentence, by language (worked out once).
_REPORTING = {code: REPORTING_VERBS if code == "en" else lex.speech_verbs - {"so"}
              for code, lex in LEXICONS.items()}


class ClaimCutting:
    """Adds a claim for each checkable stretch of text that is no quote."""

    def _sentence_claims(self, p, si, a, b, in_sentence) -> None:
        text = self.paras[p]
        extra = [c.attribution_span for c in in_sentence if c.attribution_span]
        extra += self.excluded.get(p, [])
        quote_speaker = in_sentence[-1].person if in_sentence else None
        refs = self.refs.get((p, si), [])
        for lo, hi in self._free_ranges(p, a, b, extra):
            lo, hi = trim(text, lo, hi)
            if hi <= lo:
                continue
            self._add_claim(p, lo, hi, quote_speaker, refs=refs)

    def _add_claim(self, p: int, lo: int, hi: int, quote_speaker: Person | None,
                   repeats_index: int | None = None, refs: list[Ref] | None = None) -> None:
        charge(10)
        text = self.paras[p]
        segment = text[lo:hi]
        words = segment.split()
        if len(words) < 3 or segment.rstrip().endswith("?"):
            return
        speaker, reported = self._reported(text, lo, hi, quote_speaker)
        if reported and speaker is not None and not speaker.is_org:
            self.reported.setdefault(p, speaker)
        if refs is None:
            refs = find_refs(text, lo, hi)
        first = bisect_left(refs, lo, key=lambda r: r.start)
        last = bisect_left(refs, hi, key=lambda r: r.start)
        refs = [r for r in refs[first:last] if r.kind != "org"]
        named = any(r.kind == "person" or self.ctx.registry.find_token(r.name) is not None
                    for r in refs if r.name) or any(
            r.kind == "title" and self.registry.find_title(r.role_key) for r in refs)
        reasons = reasons_for(segment, named_person=named, reported=reported,
                              toks=tokenize(text, lo, hi))
        if not reasons and len(words) < 6 and repeats_index is None:
            return
        if speaker is not None and not speaker.is_org:
            speaker.output = True
        self.claims.append(Claim(
            text=segment, kind=kind_for(reasons), score=score_for(reasons), reasons=reasons,
            paragraph=p, start=lo, end=hi, speaker=speaker.name if speaker else None,
            repeats=repeats_index,
        ))

    def _reported(self, text: str, lo: int, hi: int, quote_speaker: Person | None):
        speaker, reported = self._reported_before(text, lo, hi, quote_speaker)
        if not reported:
            speaker, reported = self._reported_after(text, lo, hi)
        return speaker, reported

    def _reported_before(self, text: str, lo: int, hi: int, quote_speaker: Person | None):
        toks = tokenize(text, lo, min(hi, lo + 300))[:24]
        if not toks:
            return None, False
        if toks[0].low in SPEECH_PARTICIPLES and not toks[0].cap:
            return quote_speaker or (self.ctx.recent[-1] if self.ctx.recent else None), True
        lex = lexicon()
        verbs = _REPORTING[lex.code]
        for v in range(1, len(toks)):
            t = toks[v]
            if t.low in verbs and not t.cap:
                if t.low in _NEEDS_THAT and not text.startswith((" that", ":"), t.end):
                    return None, False
                ref = pronoun_ref(text, lo, t.start) if v <= 2 else None
                if ref is None or ref.start != toks[0].start:
                    ref = analyze_subject(text, lo, t.start, after_verb=False)
                    if ref is None or v > (8 if lex.code == "en" else 20) and not (
                            ref.kind == "person" and v <= 20):
                        # (a long subject only with a full name in it: "Speaking from the
                        # valley, the field director, Jo X, said that …")
                        return None, False
                if ref.kind == "pronoun":
                    return self.ctx.pronoun(ref), True
                return self.ctx.resolve(ref), True
            if t.low in ("is", "was", "are", "were", "has", "have", "had", "will", "that"):
                break
        return None, False

    def _reported_after(self, text: str, lo: int, hi: int):
        """ "The union welcomes the statement, says Jane Doe, its chief executive.": the
        speech verb after a comma near the sentence's end, and whose words it reports."""
        verbs = lexicon().speech_verbs
        comma = hi
        for _ in range(3):
            comma = text.rfind(",", lo, comma)
            if comma < 0:
                break
            first = tokenize(text, comma + 1, min(hi, comma + 30))[:1]
            if first and first[0].low in verbs and not first[0].cap:
                ref = analyze_subject(text, first[0].end, hi, after_verb=True)
                if ref is None or ref.kind not in ("person", "surname"):
                    return None, False
                return self.ctx.resolve(ref), True
            part = tokenize(text, comma + 1, hi)
            if 2 <= len(part) <= 8 and part[-1].low in verbs and not part[-1].cap:
                # "…, Professor Jane Doe says.": the subject, then the verb, ending it
                ref = analyze_subject(text, comma + 1, part[-1].start, after_verb=False)
                if ref is None or ref.kind not in ("person", "surname"):
                    return None, False
                return self.ctx.resolve(ref), True
        return None, False


    def _headline_claims(self) -> None:
        if not self.paras:
            return
        text = self.paras[0]
        for a, b in self._free_ranges(0, 0, len(text)):
            pos = a
            for m in [*_HEADLINE_SEPARATORS.finditer(text, a, b), None]:
                end = m.start() if m else b
                lo, hi = trim(text, pos, end)
                if hi > lo:
                    part = text[lo:hi]
                    # A headline is short; a "headline" of thousands of characters is not
                    # compared with every quote.
                    index = None if len(text) > 2000 else next(
                        (q_i for q_i, q in enumerate(self.quotes[:500])
                         if q.paragraph > 0 and repeats(part, q.text)), None)
                    added = len(self.claims)
                    self._add_claim(0, lo, hi, None, index)
                    if index is not None and len(self.claims) > added:
                        self.claims[-1].speaker = self.quotes[index].speaker
                pos = m.end() if m else b
