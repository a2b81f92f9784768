"""Small hand-made story pools whose right first choice is obvious by construction.

Each pool is a story ("the Homs council extends the curfew") told by one hub sentence that shares
its words with every other on-topic sentence, among off-topic sentences that share nothing with
anything (a bakery, a football final, a museum). Any method that ranks by salience across the
articles must take the hub first; the hub is never the first candidate of the pool, so a method
that takes candidates in order, or at random, fails.
"""

from __future__ import annotations

from storyline.model import Article, Sentence
from storyline.summarize.candidates import Pool, build_pool


def article(identifier: str, sentences: list[str]) -> Article:
    """An annotated article: one sentence a paragraph."""
    text = "\n\n".join(sentences)
    spans, start = [], 0
    for index, sentence in enumerate(sentences):
        start = text.index(sentence, start)
        spans.append(Sentence(start, start + len(sentence), index, index))
        start += len(sentence)
    return Article(id=identifier, source=f"{identifier}.txt", text=text, outlet=identifier, sentences=spans)


HUB = "The city council in Homs voted on Monday to extend the night curfew by two more weeks."
ON_TOPIC = {
    HUB,
    "The night curfew in Homs has kept most shops in the centre closed after dark.",
    "Members of the city council said the vote on Monday had been close.",
    "Two more weeks without evening trade would ruin them, traders said.",
    "The council extended the curfew once before, in the spring.",
}


def central_pool() -> Pool:
    """The hub in the middle of the third article; each other on-topic sentence shares a part of it."""
    return build_pool(
        [
            article(
                "a",
                [
                    "A bakery in the old market sold fresh bread to queues of customers before dawn.",
                    "The night curfew in Homs has kept most shops in the centre closed after dark.",
                    "Football fans gathered in a cafe to watch the cup final on a small television.",
                ],
            ),
            article(
                "b",
                [
                    "Gardeners planted hundreds of orange trees along the river promenade this spring.",
                    "Members of the city council said the vote on Monday had been close.",
                    "The museum reopened its hall of ancient coins after a long restoration.",
                ],
            ),
            article(
                "c",
                [
                    "Two more weeks without evening trade would ruin them, traders said.",
                    "A violinist from the conservatory won a prize at a competition abroad.",
                    HUB,
                    "Heavy rain flooded a road to the airport for several hours.",
                ],
            ),
            article(
                "d",
                [
                    "The council extended the curfew once before, in the spring.",
                    "Schoolchildren painted a mural of birds on the wall of the library.",
                ],
            ),
        ]
    )


def reported_pool() -> Pool:
    """The hub is the lead of three of four articles (in their own words: one candidate carried
    three times); the first article is off the story altogether."""
    return build_pool(
        [
            article(
                "off",
                [
                    "A bakery in the old market sold fresh bread to queues of customers before dawn.",
                    "Football fans gathered in a cafe to watch the cup final on a small television.",
                    "The museum reopened its hall of ancient coins after a long restoration.",
                ],
            ),
            article(
                "w1",
                [
                    HUB,
                    "Gardeners planted hundreds of orange trees along the river promenade this spring.",
                    "Traders said the night curfew had cost them most of their evening business.",
                ],
            ),
            article(
                "w2",
                [
                    "The Homs city council voted Monday to extend the night curfew by two more weeks.",
                    "A violinist from the conservatory won a prize at a competition abroad.",
                    "Council members said the curfew vote had been close.",
                ],
            ),
            article(
                "w3",
                [
                    "On Monday the city council in Homs voted to extend the curfew by two weeks.",
                    "Heavy rain flooded a road to the airport for several hours.",
                    "Schoolchildren painted a mural of birds on the wall of the library.",
                ],
            ),
        ]
    )
