from __future__ import annotations

import pytest

from briefer.text.clean import clean_article
from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.text.sentences import is_statement, sentences_of, split_sentences
from briefer.types import Article


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He said it would end "today." Talks resume Monday.',
            ['He said it would end "today."', "Talks resume Monday."],
        ),
        ('"We are ready," he said. Nothing more.', ['"We are ready," he said.', "Nothing more."]),
        ('"Are we ready?" he asked. Nobody knew.', ['"Are we ready?" he asked.', "Nobody knew."]),
        ("It rose. (The index fell.) Then it rose.", ["It rose.", "(The index fell.)", "Then it rose."]),
        (
            "The U.S. Secretary of State flew in. The U.K. followed.",
            ["The U.S. Secretary of State flew in.", "The U.K. followed."],
        ),
        ("Talks in the U.S. The move surprised many.", ["Talks in the U.S.", "The move surprised many."]),
        (  # L3S-GN1, 2008-01-15: the brief's lede was "Everest will be rechristened as Hillary-Tenzing Airport."
            "Lukla Airport, the gateway to the world's highest peak Mt. Everest will be rechristened. It opens soon.",
            ["Lukla Airport, the gateway to the world's highest peak Mt. Everest will be rechristened.",
             "It opens soon."],
        ),
        (  # L3S-GN1, 2008-01-11: "2,00,000 will be added to Super Jackpot Pool." was a point
            "A sum of Rs. 2,00,000 will be added to the pool. It pays out Rs. 55 crore in all.",
            ["A sum of Rs. 2,00,000 will be added to the pool.", "It pays out Rs. 55 crore in all."],
        ),
        (
            "Mr. Blinken and Dr. Lee met Sen. Warren and Gen. Milley.",
            ["Mr. Blinken and Dr. Lee met Sen. Warren and Gen. Milley."],
        ),
        ("It happened on Jan. 21 at 10 a.m. Eastern time.", ["It happened on Jan. 21 at 10 a.m. Eastern time."]),
        ("It starts at 10 a.m. The doors open early.", ["It starts at 10 a.m.", "The doors open early."]),
        ("Resolution No. 3 passed. No. It failed.", ["Resolution No. 3 passed.", "No.", "It failed."]),
        (
            "Sergey V. Lavrov spoke. Christi C. Elwood wrote it.",
            ["Sergey V. Lavrov spoke.", "Christi C. Elwood wrote it."],
        ),
        ("Growth was 3.5% last year. It slowed.", ["Growth was 3.5% last year.", "It slowed."]),
        ("Read it on thehill.com today. Or not.", ["Read it on thehill.com today.", "Or not."]),
        ("See https://example.com/a.b/C.html now. Fine.", ["See https://example.com/a.b/C.html now.", "Fine."]),
        ("He paused... Then he left. It was… Over.", ["He paused...", "Then he left.", "It was…", "Over."]),
        ("He paused... and then left.", ["He paused... and then left."]),
        (
            "Apple Inc. Chief Tim Cook spoke. Apple Inc. It grew.",
            ["Apple Inc. Chief Tim Cook spoke.", "Apple Inc.", "It grew."],
        ),
        ("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."]),
        # a quoted exclamation or question goes on into the named speaker who said it
        ('"He needs our help!" Jeremy Piatt wrote on his page. It worked.',
         ['"He needs our help!" Jeremy Piatt wrote on his page.', "It worked."]),
        ('"Says who?" Cohen asked again. "Polls."', ['"Says who?" Cohen asked again.', '"Polls."']),
        ('"Go!" The crowd ran.', ['"Go!"', "The crowd ran."]),
        ("In 2021. The year ended.", ["In 2021.", "The year ended."]),
        ("Bones differ (Fig. 2b) in size. See ref. 41 too.", ["Bones differ (Fig. 2b) in size.", "See ref. 41 too."]),
        ("It is known as FAS.[1][2] Other types exist.", ["It is known as FAS.[1][2]", "Other types exist."]),
        ("Line one has no stop\nLine two does.", ["Line one has no stop", "Line two does."]),
        # a sentence run on to a heading or caption with no full stop starts where its pronoun or determiner does
        ("Final Cut was updated  The previous generation took 4 minutes.",
         ["Final Cut was updated", "The previous generation took 4 minutes."]),
        ("Boston Globe The sale to the Kohlbergs includes $2 million.",
         ["Boston Globe", "The sale to the Kohlbergs includes $2 million."]),
        # but a capitalised name after it is no new sentence, and a caption stays glued to its label
        ("3 Photos: Moments of the station The crew of Atlantis took this picture.",
         ["3 Photos: Moments of the station The crew of Atlantis took this picture."]),
        ("Zoghlin told The Hill that it was over.", ["Zoghlin told The Hill that it was over."]),
        ("He starred in It Follows in 2014.", ["He starred in It Follows in 2014."]),
        # a scraped list's lost full stop: a capitalised pronoun after a comma, a capitalised word after a colon
        ("Williams is charged with one count felony, conspiracy, His bond was set at $200,000.",
         ["Williams is charged with one count felony, conspiracy,", "His bond was set at $200,000."]),
        ("The 10 volunteer firefighters arrested were:All 10 were placed in the detention center.",
         ["The 10 volunteer firefighters arrested were:", "All 10 were placed in the detention center."]),
        # but a speaker's comma splice is theirs, and a colon before a space or a time is no end
        ('"I was assaulted in a men\'s room, It was the weirdest thing," she said.',
         ['"I was assaulted in a men\'s room, It was the weirdest thing," she said.']),
        ("He gave one reason: It was late, at 10:30 in the evening.",
         ["He gave one reason: It was late, at 10:30 in the evening."]),
        # a post embedded in the page stays one piece with its signature
        ("Please avoid the area. Media staging at the park. \u2014 Harford Sheriff (@Harford_Sheriff) May 20, 2018",
         ["Please avoid the area. Media staging at the park. \u2014 Harford Sheriff (@Harford_Sheriff) May 20, 2018"]),
        # a full stop after a plain word before a word in lower case: the scrape lost the words between
        ("There could be no compromise on the issue. central to the rights of Ukraine to join NATO.",
         ["There could be no compromise on the issue.", "central to the rights of Ukraine to join NATO."]),
        # but not after an abbreviation or a unit
        ("Prices rose approx. five points, etc. and the rest, to 3 lbs. of beef at 5 p.m. on Friday.",
         ["Prices rose approx. five points, etc. and the rest, to 3 lbs. of beef at 5 p.m. on Friday."]),
    ],
)
def test_split_sentences_on_news_cases(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_spans_are_stripped_offsets_into_the_text() -> None:
    text = "  First one here.   Second one here.\n\n  Third one.  "
    spans = split_sentences(text)
    assert [text[start:end] for start, end in spans] == ["First one here.", "Second one here.", "Third one."]
    assert all(start < end for start, end in spans)
    assert spans == sorted(spans)


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_sentences_of_keeps_offsets_into_article_text() -> None:
    article = Article(
        "a7", "Blinken met Lavrov in Geneva. They talked for ninety minutes.\n\nNo breakthrough came of it."
    )
    found = sentences_of(article)
    assert [s.index for s in found] == [0, 1, 2]
    assert {s.article_id for s in found} == {"a7"}
    for sentence in found:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_sentences_of_skips_fragments_and_headings_but_keeps_the_text() -> None:
    text = (
        "Blinken met Lavrov in Geneva on Friday.\n\n"
        "US to give written response next week\n\n"
        "___\n\n"
        "Image: AP.\n\n"
        "Lavrov said Russia awaits written answers. Yes.\n\n"
        "There is no compromise on the issue. central to the rights of Ukraine to join NATO.\n\n"
        "Keep our heads in the game, will we?\n\n"
        "eBay said it would stay out of the talks."
    )
    article = Article("a1", text)
    assert [s.text for s in sentences_of(article)] == [
        "Blinken met Lavrov in Geneva on Friday.",
        "Lavrov said Russia awaits written answers.",
        "There is no compromise on the issue.",  # the rest of a sentence whose start a scrape lost is no sentence
        "Keep our heads in the game, will we?",
        "eBay said it would stay out of the talks.",  # a name in lower case opens one
    ]
    assert [s.index for s in sentences_of(article)] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(("piece", "statement"), [
    ("*walks up to Michael Cohen's door*", False),  # lower case after any punctuation: a piece, not a sentence
    ("...to Mar-a-Lago 3 nights in a row around New Year's Eve.", False),
    ("#breaking a horror film come to life in Lancaster.", False),
    ("eBay said it would stay out of the talks.", True),
    ("\u201cWe will keep talking,\u201d Blinken said.", True),
])
def test_a_piece_that_opens_in_lower_case_after_any_punctuation_is_no_sentence(piece, statement) -> None:
    assert is_statement(piece) is statement


def test_an_unpunctuated_line_that_is_long_is_a_sentence_not_a_heading() -> None:
    line = "Blinken said the two sides would keep talking next week after the written answers arrive in Moscow"
    assert is_statement(line, whole_line=True)
    assert not is_statement("Blinken said Biden fully prepared to meet Putin", whole_line=True)
    assert is_statement("Blinken said Biden fully prepared to meet Putin", whole_line=False)


def test_every_seed_sentence_indexes_into_its_cleaned_article() -> None:
    for article in load_cluster(sample_cluster_path()).articles:
        cleaned = clean_article(article)
        found = sentences_of(cleaned)
        assert len(found) >= 8, article.source
        for sentence in found:
            assert cleaned.text[sentence.start : sentence.end] == sentence.text
            assert sentence.words >= 4


def test_seed_quote_and_initials_are_split_right() -> None:
    articles = {a.source.rsplit("/", 1)[-1][:3]: clean_article(a) for a in load_cluster(sample_cluster_path()).articles}
    texts = [s.text for s in sentences_of(articles["000"])]
    assert (
        '"We are waiting for their official answer to Russian security demands," Lavrov said during a press '
        "conference after a meeting with US Secretary of State Antony Blinken." in texts
    )
    assert '"We\'re planning another conversation at our ministerial level."' in texts
    assert all("Christi C. Elwood" not in s.text for s in sentences_of(articles["001"]))
    assert any(
        s.text.startswith("When Russian forces massed near the Ukrainian border, U.S. Secretary")
        for s in sentences_of(articles["003"])
    )


def test_a_military_rank_before_a_name_does_not_end_a_sentence():
    from briefer.text.sentences import split_sentences

    text = "A court martial found Army Spc. Charles Graner guilty of abusing prisoners. He was sentenced to ten years."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "A court martial found Army Spc. Charles Graner guilty of abusing prisoners.", "He was sentenced to ten years."]
