"""Word lists for the sentence splitter: abbreviations that keep a sentence going, and sentence openers."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of text as a set."""
    return frozenset(text.split())


TITLES = _words(
    """
    Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Rev Revs Fr Msgr Hon Rt Sra Srta
    St Ste Mt Ft
    Gen Lt Col Maj Capt Cpt Cmdr Cdr Adm Brig Sgt Cpl Pvt Spc Sfc Ens Cmdt
    Gov Sen Sens Rep Reps Amb Atty Dist Supt Insp Det Const Pres Sec Treas Ald Cllr Assoc
    """
)
"""Capitalised titles written before a name: their period never ends a sentence."""

STREETS = _words("St Dr")
"""Titles that also abbreviate a street type (Main St., Elm Dr.), read as such after a name or a number."""

OPENER_ONLY = _words(
    """
    co cos corp inc ltd plc llc bros assn dept univ mfg intl natl govt
    jr sr etc al ave blvd rd hwy
    """
)
"""Abbreviations, in lower case, that often end a sentence: they do only when a sentence opener follows."""

CAPITALISED_OPENER_ONLY = _words(
    """
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    """
)
"""Months and US states as news agencies abbreviate them; read like OPENER_ONLY, but only when capitalised."""

NEVER_FINAL = _words("vs v cf viz e.g i.e approx ca incl esp")
"""Abbreviations that introduce what follows, so never end a sentence; lower case only (CA. is a state)."""

CLOCK = _words("a.m p.m")
"""Times of day, in lower case: a sentence goes on past them only into a day, a month or a time zone."""

CLOCK_FOLLOWERS = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST GMT UTC BST CET CEST EET IST JST AEST AEDT
    """
)
"""Words that continue a sentence after a time of day (10 a.m. Friday, 9 p.m. EST)."""

BEFORE_NUMBERS = _words("p pp no nos nr vol vols fig figs art arts ch chap sec para op tel ed n° nº")
"""Abbreviations, in lower case, that stand before a number (p. 55, No. 1, N°. 1026)."""

SENTENCE_OPENERS = _words(
    """
    I He She It We They You His Her Its Our Their My Your This That These Those There Here
    Someone Somebody Nobody Everyone Everybody Nothing Everything
    The A An Some Many Most All Each Every No Any Both Several Few Such Another Other Neither Either
    What When Where Which Who Whom Whose Why How Whether Whatever
    And But Or Nor So Yet If Although Though While Because Since After Before As Once Unless Until
    However Meanwhile Still Then Also Instead Thus Therefore Moreover Furthermore Later Earlier
    Now Today Yesterday Tomorrow Tonight Last Even Only Just Not Yes
    One Two Three Four Five Six Seven Eight Nine Ten
    In On At For With By From To Of Under Over Into About Among Between Against Without Within
    Through Amid During Despite According Like Unlike Besides
    Is Are Was Were Do Does Did Can Could Will Would Should Has Have Had Let Please
    """
)
"""Words that typically open a sentence; after an ambiguous abbreviation (U.S., Co.) they mean a new one."""
