"""Annotations written from the W3C Web Annotation Data Model's examples (https://www.w3.org/TR/annotation-model/,
sections 3-5), pointed at archive items instead of example.com pages: every body, selector, state and
motivation kind the model defines, agents, lifecycle, rights, audience, accessibility, styles, replies.

Written by us from the specification's text for issue 19's "Done when"; ``examples(doc, record, sha)`` gives
the annotation nodes for a held text ``doc`` (item IRI), a ``record`` item IRI and the held file's SHA-256.
"""

from __future__ import annotations

ANNO = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = ("assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging")


def examples(doc: str, record: str, sha: str) -> list[dict]:
    ex = "http://example.org/anno"
    out: list[dict] = [
        # Example 1: the basic annotation, an external body
        {"id": f"{ex}1", "type": "Annotation", "body": "http://example.org/post1", "target": doc},
        # Example 2: external web resources with a type, format and language
        {"id": f"{ex}2", "type": "Annotation",
         "body": {"id": "http://example.org/analysis1.mp3", "format": "audio/mpeg", "language": "fr"},
         "target": {"id": doc, "format": "text/plain", "language": "en"}},
        # Example 3: classes of body (Video, Image, Text, Sound, Dataset)
        {"id": f"{ex}3", "type": "Annotation",
         "body": [{"id": "http://example.org/video1", "type": "Video"},
                  {"id": "http://example.org/image1", "type": "Image"},
                  {"id": "http://example.org/data1", "type": "Dataset"},
                  {"id": "http://example.org/sound1", "type": "Sound"}],
         "target": {"id": doc, "type": "Text"}},
        # Example 5: an embedded TextualBody in Persian, plain text
        {"id": f"{ex}5", "type": "Annotation", "motivation": "commenting",
         "body": {"type": "TextualBody", "value": "یادداشتی دربارهٔ این بند", "format": "text/plain",
                  "language": "fa"},
         "target": doc},
        # Example 6: bodyValue
        {"id": f"{ex}6", "type": "Annotation", "bodyValue": "Comment text", "target": doc},
        # Example 7: no body (a bookmark)
        {"id": f"{ex}7", "type": "Annotation", "motivation": "bookmarking", "target": doc},
        # Example 8: several bodies and targets; one target is this archive's item, one is not
        {"id": f"{ex}8", "type": "Annotation",
         "body": ["http://example.net/review1", "http://example.net/review2"],
         "target": ["http://example.com/image1", doc]},
        # Example 10: a Choice of bodies in two languages
        {"id": f"{ex}10", "type": "Annotation",
         "body": {"type": "Choice", "items": [
             {"type": "TextualBody", "value": "Note in English", "language": "en"},
             {"type": "TextualBody", "value": "Note en français", "language": "fr"}]},
         "target": doc},
        # Examples 11-13: lifecycle and agents (creator with every agent property, a generator)
        {"id": f"{ex}11", "type": "Annotation", "motivation": "commenting",
         "creator": {"id": "http://example.org/user1", "type": "Person", "name": "My Pseudonym",
                     "nickname": "pseudo", "email_sha1": "58bad08927902ff9307b621c54716dcc5083e339",
                     "homepage": "http://example.org/home"},
         "created": "2015-10-13T13:00:00Z", "modified": "2015-10-14T13:00:00Z",
         "generator": {"id": "http://example.org/client1", "type": "Software", "name": "Code v2.1",
                       "homepage": "http://example.org/client1/homepage1"},
         "generated": "2015-10-14T15:13:28Z",
         "body": {"type": "TextualBody", "value": "Her life was tragic", "format": "text/html",
                  "creator": "http://example.net/user2", "created": "2015-10-13T13:00:00Z"},
         "target": doc},
        # Example 14: an organisation as creator, with an e-mail
        {"id": f"{ex}14", "type": "Annotation",
         "creator": {"type": "Organization", "name": "Archive Group", "email": "mailto:group@example.org"},
         "body": "http://example.org/review1", "target": doc},
        # Example 15: audience
        {"id": f"{ex}15", "type": "Annotation",
         "audience": {"id": "http://example.edu/roles/teacher", "type": "schema:EducationalAudience",
                      "schema:educationalRole": "teacher"},
         "body": "http://example.net/classnotes1", "target": doc},
        # Example 16: accessibility of a body
        {"id": f"{ex}16", "type": "Annotation", "motivation": "commenting",
         "body": {"id": "http://example.net/video1", "type": "Video", "accessibility": "captions"},
         "target": doc},
        # Example 18: purpose per body
        {"id": f"{ex}18", "type": "Annotation",
         "body": [{"type": "TextualBody", "value": "love", "purpose": "tagging"},
                  {"type": "TextualBody", "value": "I really love this particular bit of text in this XML. No really.",
                   "purpose": "commenting"}],
         "target": doc},
        # Example 19: rights
        {"id": f"{ex}19", "type": "Annotation", "rights": "https://creativecommons.org/publicdomain/zero/1.0/",
         "body": {"id": "http://example.net/review1", "rights": "http://creativecommons.org/licenses/by/4.0/"},
         "target": doc},
        # Example 20: canonical and via
        {"id": f"{ex}20", "type": "Annotation", "canonical": "urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df",
         "via": "http://other.example.org/anno1", "body": {"id": "http://example.net/review1",
                                                           "rights": "http://creativecommons.org/licenses/by/4.0/"},
         "target": doc},
        # Example 21: a SpecificResource target with a purpose (and a scope)
        {"id": f"{ex}21", "type": "Annotation",
         "body": {"type": "SpecificResource", "purpose": "tagging", "source": "http://example.org/city1"},
         "target": {"id": doc, "type": "Text", "scope": "http://example.org/page1"}},
        # Examples 22-23: FragmentSelector, media fragments (percent: shown) and a PDF page refined by a quote
        {"id": f"{ex}22", "type": "Annotation", "motivation": "highlighting",
         "target": {"source": doc, "selector": {
             "type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3778", "value": "page=1",
             "refinedBy": {"type": "TextQuoteSelector", "exact": "the camp was built", "prefix": "In 1986 ",
                           "suffix": " on barren land"}}}},
        # Example 24: CssSelector
        {"id": f"{ex}24", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "selector": {"type": "CssSelector", "value": "#elemid > .elemclass + p"}}},
        # Example 25: XPathSelector
        {"id": f"{ex}25", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "selector": {"type": "XPathSelector", "value": "/html/body/p[2]/table/tr[2]/td[3]/span"}}},
        # Example 26: TextQuoteSelector
        {"id": f"{ex}26", "type": "Annotation", "body": "http://example.org/comment1",
         "target": {"source": doc, "selector": {"type": "TextQuoteSelector", "exact": "barren land",
                                                "prefix": "built on ", "suffix": "."}}},
        # Example 27: a TextPositionSelector on its own
        {"id": f"{ex}27", "type": "Annotation", "body": "http://example.org/review1",
         "target": {"source": doc, "selector": {"type": "TextPositionSelector", "start": 0, "end": 11}}},
        # Example 28: DataPositionSelector
        {"id": f"{ex}28", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "selector": {"type": "DataPositionSelector", "start": 4096, "end": 4104}}},
        # Examples 29-30: SvgSelector, external and embedded
        {"id": f"{ex}29", "type": "Annotation", "body": "http://example.org/road1",
         "target": {"source": record, "selector": {"type": "SvgSelector", "id": "http://example.org/svg1"}}},
        {"id": f"{ex}30", "type": "Annotation", "body": "http://example.org/road1",
         "target": {"source": record, "selector": {
             "type": "SvgSelector", "value": "<svg:svg> ... </svg:svg>"}}},
        # Example 31: RangeSelector
        {"id": f"{ex}31", "type": "Annotation", "body": "http://example.org/comment1",
         "target": {"source": doc, "selector": {
             "type": "RangeSelector",
             "startSelector": {"type": "XPathSelector", "value": "//table[1]/tr[1]/td[2]"},
             "endSelector": {"type": "XPathSelector", "value": "//table[1]/tr[1]/td[4]"}}}},
        # Example 32: refinedBy a TextQuoteSelector within a FragmentSelector
        {"id": f"{ex}32", "type": "Annotation", "body": "http://example.org/comment1",
         "target": {"source": doc, "selector": {
             "type": "FragmentSelector", "value": "para5",
             "refinedBy": {"type": "TextQuoteSelector", "exact": "Diyala", "prefix": "lies in ", "suffix": "."}}}},
        # Example 33: TimeState (with a cached copy)
        {"id": f"{ex}33", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "state": {"type": "TimeState", "cached": "http://archive.example.org/copy1",
                                             "sourceDate": "2015-07-20T13:30:00Z"}}},
        # Example 34: HttpRequestState
        {"id": f"{ex}34", "type": "Annotation", "body": "http://example.org/description1",
         "target": {"source": doc, "state": {"type": "HttpRequestState", "value": "Accept: application/pdf"}}},
        # Example 35: a state refined by a selector... and TimeState with a range of dates
        {"id": f"{ex}35", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "state": {"type": "TimeState", "sourceDateStart": "2015-07-20T13:30:00Z",
                                             "sourceDateEnd": "2015-07-25T13:30:00Z",
                                             "refinedBy": {"type": "HttpRequestState",
                                                           "value": "Accept: application/pdf"}}}},
        # Example 36: styleClass with an embedded stylesheet (not the app's colours)
        {"id": f"{ex}36", "type": "Annotation",
         "stylesheet": {"type": "CssStylesheet", "value": ".red { color: red }"},
         "body": {"type": "TextualBody", "value": "Note", "format": "text/plain"},
         "target": {"source": doc, "styleClass": "red",
                    "selector": {"type": "TextQuoteSelector", "exact": "Camp Ashraf"}}},
        # Example 37: renderedVia
        {"id": f"{ex}37", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "renderedVia": {"id": "http://example.com/renderer", "type": "Software",
                                                   "schema:softwareVersion": "2.5"}}},
        # Example 38: scope of a resource
        {"id": f"{ex}38", "type": "Annotation", "body": "http://example.org/note1",
         "target": {"source": doc, "scope": "http://example.org/page1"}},
        # Example 41-ish: textDirection and processingLanguage on a textual body
        {"id": f"{ex}41", "type": "Annotation",
         "body": {"type": "TextualBody", "value": "مخيم أشرف", "language": "ar", "processingLanguage": "ar",
                  "textDirection": "rtl"},
         "target": doc},
        # a target given only by its id (issue 19), the held file named by content
        {"id": f"{ex}42", "type": "Annotation", "motivation": "describing",
         "body": {"type": "TextualBody", "value": "About the whole file"},
         "target": {"id": f"urn:sha256:{sha}"}},
        # tags as this app would write them, capitalised in another tool
        {"id": f"{ex}43", "type": "Annotation", "motivation": "tagging",
         "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Camp Ashraf"},
                  {"type": "TextualBody", "purpose": "tagging", "value": "1986"}],
         "target": {"source": doc, "selector": [
             {"type": "TextQuoteSelector", "exact": "barren land"},
             {"type": "TextPositionSelector", "start": 58, "end": 69}]}},
        # a reply to an annotation in the same file (motivation replying, the target is the annotation)
        {"id": f"{ex}44", "type": "Annotation", "motivation": "replying",
         "body": {"type": "TextualBody", "value": "I agree!"}, "target": f"{ex}5"},
        # an annotation without an id: the app must mint one (mapped in the graph comparison)
        {"type": "Annotation", "motivation": "questioning",
         "body": {"type": "TextualBody", "value": "Which year?", "purpose": "questioning"},
         "target": {"source": doc, "selector": {"type": "TextQuoteSelector", "exact": "1986"}}},
    ]
    # every motivation the model defines, one annotation each, with a body of matching purpose
    for n, motivation in enumerate(MOTIVATIONS):
        out.append({"id": f"{ex}-motivation-{n}", "type": "Annotation", "motivation": motivation,
                    "body": {"type": "TextualBody", "value": f"A {motivation} note", "purpose": motivation},
                    "target": record})
    return [{"@context": ANNO, **node} for node in out]
