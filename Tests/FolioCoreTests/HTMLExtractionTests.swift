import Foundation
import Testing
@testable import FolioCore

struct HTMLExtractionTests {
    static let boilerplateMarkers = ["SCRIPT_TEXT", "STYLE", "NAV_", "COOKIE", "FOOTER_TEXT", "ASIDE_RELATED_TEXT", "HEADER_MASTHEAD_TEXT", "SHARE_TEXT", "Accept", "ADVERT_TEXT", "Advertisement", "NEWSLETTER_TEXT"]

    @Test func jsonLDNewsArticle() throws {
        let loaded = try Fixture.load("html/jsonld-news.html")
        let a = loaded.article
        #expect(a.format == .html)
        #expect(a.title == "Comet Lindqvist brightens ahead of schedule")
        #expect(a.author == "Noor Haddad")
        #expect(a.date == utc(2026, 2, 14, 10, 0))
        #expect(a.source == "Skyward Weekly")
        #expect(a.subtitle == "Amateur astronomers report the comet is already visible with binoculars.")
        #expect(a.url == "https://skyward.example/news/comet-lindqvist")
        #expect(loaded.identity == ArticleIdentity(rawValue: "url:https://skyward.example/news/comet-lindqvist"))
        #expect(a.body.count == 4)
        #expect(a.bodyText.hasPrefix("Comet Lindqvist, discovered last autumn"))
        #expect(a.bodyText.hasSuffix("visible to the naked eye from the countryside."))
        // The headline is in the header, not repeated as the body's first block.
        #expect(!a.bodyText.contains("brightens ahead of schedule"))
        for marker in Self.boilerplateMarkers { #expect(!a.bodyText.contains(marker), "body contains \(marker)") }
    }

    @Test func entitiesAreDecoded() throws {
        let a = try Fixture.load("html/jsonld-news.html").article
        #expect(a.body[1] == .text("“It’s behaving like a much bigger comet than we thought—or it’s breaking up,” said Dr Amira Solberg of the fictional Northfell Observatory, who has been tracking it nightly."))
        #expect(!a.bodyText.contains("&"))
        #expect(!a.bodyText.contains("\u{00A0}"))
    }

    @Test func openGraphMetadata() throws {
        let loaded = try Fixture.load("html/opengraph.html")
        let a = loaded.article
        #expect(a.title == "A quieter night market opens in Minatomachi")
        #expect(a.subtitle == "Stallholders agreed to turn the music down and the lights up.")
        #expect(a.source == "Eastern Harbour Review")
        #expect(a.author == "Kenji Arata")
        #expect(a.url == "https://www.easternharbour.example/culture/night-market/")
        #expect(a.date == utc(2026, 4, 9, 9, 30))
        #expect(a.tags == ["markets", "night life"])
        #expect(loaded.identity.rawValue == "url:https://easternharbour.example/culture/night-market")
        #expect(a.body.count == 3)
        #expect(a.bodyText.hasPrefix("The night market in Minatomachi reopened on Thursday"))
    }

    @Test func titleSplitCanonicalAndBoilerplateRemoval() throws {
        let a = try Fixture.load("html/title-canonical.html").article
        #expect(a.title == "Library reading room reopens after renovation")
        #expect(a.source == "Ashby Gazette")
        #expect(a.url == "https://ashbygazette.example/local/reading-room")
        #expect(a.body.count == 2)
        #expect(a.bodyText.hasPrefix("The reading room of the Ashby public library reopened on Monday"))
        #expect(a.bodyText.hasSuffix("covered everything with dust sheets."))
        for marker in Self.boilerplateMarkers { #expect(!a.bodyText.contains(marker), "body contains \(marker)") }
        #expect(!a.bodyText.contains("Home"))
    }

    @Test func savedFromComment() throws {
        let a = try Fixture.load("html/saved-from.html").article
        #expect(a.title == "The little ferry returns to Riverbend")
        #expect(a.url == "https://riverbend.example/stories/ferry-returns")
        #expect(a.source == "riverbend.example")
        #expect(a.body.count == 2)
    }

    @Test func windows1252DeclaredCharset() throws {
        var bytes = Array("""
        <html><head><meta charset="windows-1252"><title>Caf
        """.utf8)
        bytes.append(0xE9)
        bytes += Array(" owners save the old pier</title></head><body><p>The caf".utf8)
        bytes.append(0xE9)
        bytes += Array(" on the pier sold its first cr".utf8)
        bytes.append(0xE8)
        bytes += Array("me br".utf8)
        bytes.append(0xFB)
        bytes += Array("l".utf8)
        bytes.append(0xE9)
        bytes += Array("e in 1952 and its last one, at ".utf8)
        bytes.append(0x80)
        bytes += Array("4, on Sunday afternoon.</p></body></html>".utf8)
        let a = try HTMLExtractor().extract(from: bytes, fileName: "pier.html")
        #expect(a.title == "Café owners save the old pier")
        #expect(a.bodyText == "The café on the pier sold its first crème brûlée in 1952 and its last one, at €4, on Sunday afternoon.")
    }

    @Test func utf8PageWithWrongLatin1Declaration() throws {
        let html = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
        <title>Müller’s café reopens</title></head>
        <body><p>Jürgen Müller reopened the café in Kerzenau on Saturday — with crème brûlée at €4.</p></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "cafe.html")
        #expect(a.title == "Müller’s café reopens")
        #expect(a.bodyText == "Jürgen Müller reopened the café in Kerzenau on Saturday — with crème brûlée at €4.")
    }

    @Test func linksAndImagesInHTML() throws {
        let html = """
        <html><head><title>Links</title></head><body><article>
        <p>Read the <a href="https://example.org/report">full report</a> and the <a href="/relative">relative link</a>, then the <a href="https://example.org/report">report again</a>, or the <a href="https://example.org/annex">annex</a>.</p>
        <p><img src="x.jpg" alt="A harbour crane"> The crane was moved at dawn on a barge that had been borrowed from the next port along the coast.</p>
        <pre>  line one
            line two</pre>
        </article></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "links.html")
        #expect(a.links == ["https://example.org/report", "https://example.org/annex"])
        guard case .paragraph(let first)? = a.body.first else { Issue.record("no paragraph"); return }
        #expect(first.contains(Inline("full report", style: .link, linkNumber: 1)))
        #expect(first.contains(Inline("report again", style: .link, linkNumber: 1)))
        #expect(first.contains(Inline("annex", style: .link, linkNumber: 2)))
        #expect(a.bodyText.contains("[image: A harbour crane]"))
        #expect(a.body.contains(.code("  line one\n    line two")))
    }

    @Test func htmlRenderingToBlocks() throws {
        let html = """
        <html><head><title>Sampler</title></head><body>
        <article>
          <h2>Morning  tide</h2>
          <p>Plain text, <em>emphasis</em> and <strong>strong</strong> words.</p>
          <p>Line one<br>
             line two</p>
          <p><br></p>
          <ul><li>first</li><li>second</li></ul>
          <ol start="4"><li>fourth</li></ol>
          <blockquote><p>A quoted line from the harbour master.</p></blockquote>
          <table><tr><th>Town</th><th>Boats</th></tr><tr><td>Ashby</td><td>12</td></tr></table>
          <hr>
          <p>Closing words, long enough that the article element is chosen as the main content of the page for sure.</p>
        </article></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "sampler.html")
        let expected: [Block] = [
            .heading(level: 2, [Inline("Morning tide")]),
            .paragraph([Inline("Plain text, "), Inline("emphasis", style: .emphasis), Inline(" and "), Inline("strong", style: .strong), Inline(" words.")]),
            .text("Line one\nline two"),
            .list(ordered: false, start: 1, items: [[.text("first")], [.text("second")]]),
            .list(ordered: true, start: 4, items: [[.text("fourth")]]),
            .quote([.text("A quoted line from the harbour master.")]),
            .table(rows: [[[Inline("Town")], [Inline("Boats")]], [[Inline("Ashby")], [Inline("12")]]], hasHeader: true),
            .rule,
            .text("Closing words, long enough that the article element is chosen as the main content of the page for sure."),
        ]
        #expect(a.body.count == expected.count)
        for (got, want) in zip(a.body, expected) { #expect(got == want) }
    }

    @Test func storyHeaderIsNotRepeatedInTheBody() throws {
        let html = """
        <html><head>
        <meta property="og:title" content="Night ferry crew rescue stranded swimmer">
        <meta property="og:description" content="The crew spotted a torch flashing in the water off Gull Point.">
        <meta name="author" content="Rhona Bell">
        </head><body><article class="story">
          <div class="story-header">
            <span class="story-label">Coast</span>
            <h1>Night ferry crew rescue stranded swimmer</h1>
            <p class="story-dek">The crew spotted a torch flashing in the water off Gull Point.</p>
            <p class="story-byline">By <a href="https://ferrynews.example/people/rhona-bell">Rhona Bell</a> &middot; <time datetime="2026-08-02">2 August 2026</time></p>
          </div>
          <div class="story-body">
            <p>The crew of the last ferry of the night pulled a swimmer from the water off Gull Point on Saturday, after a deckhand noticed a small light flashing far from the shore.</p>
            <p>The swimmer, who had been caught by the ebb tide, was cold but unhurt and was handed to paramedics at the harbour.</p>
          </div>
        </article></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "ferry.html")
        #expect(a.title == "Night ferry crew rescue stranded swimmer")
        #expect(a.subtitle == "The crew spotted a torch flashing in the water off Gull Point.")
        #expect(a.author == "Rhona Bell")
        #expect(a.body.count == 2)
        #expect(a.bodyText.hasPrefix("The crew of the last ferry of the night"))
        #expect(!a.bodyText.contains("Coast"))
        #expect(!a.bodyText.contains("rescue stranded swimmer"))
        #expect(!a.bodyText.contains("Rhona Bell"))
    }

    @Test func headingsDeeperInTheBodyAreKept() throws {
        let html = """
        <html><head><title>Tide tables</title></head><body><article>
        <p>The first paragraph of the article is long enough to be the article and it talks about tides and the harbour.</p>
        <h2>Tide tables</h2>
        <p>The second section repeats the title as its own heading, which is not the headline and must stay.</p>
        </article></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "tides.html")
        #expect(a.body.count == 3)
        #expect(a.body[1] == .heading(level: 2, [Inline("Tide tables")]))
    }

    @Test func jsonLDInAGraph() throws {
        let html = """
        <html><head><title>Ignored | Site</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Graph Site"},
          {"@type":["BlogPosting"],"headline":"Graph headline","author":"Mira Olsen","datePublished":"February 14, 2026",
           "publisher":{"@type":"Organization","name":"Graph Press"},"mainEntityOfPage":{"@id":"https://graph.example/post"}}]}
        </script><script type="application/ld+json">{ not json at all </script></head>
        <body><p>Body text of the graph article.</p></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "graph.html")
        #expect(a.title == "Graph headline")
        #expect(a.author == "Mira Olsen")
        #expect(a.date == utc(2026, 2, 14))
        #expect(a.source == "Graph Press")
        #expect(a.url == "https://graph.example/post")
    }

    @Test func emptyAndBinaryHTML() {
        #expect(throws: ExtractionError.empty) { try HTMLExtractor().extract(from: Array("  \n ".utf8), fileName: "e.html") }
        #expect(throws: ExtractionError.binary) { try HTMLExtractor().extract(from: [0x3C, 0x68, 0x00, 0x00, 0x01, 0x02], fileName: "b.html") }
    }

    // MARK: - Fixtures: one metadata source each, article text amid page furniture

    /// Text of the page furniture in the fixtures below; none of it may reach the body.
    static let furnitureMarkers = boilerplateMarkers + ["NAV_TEXT", "COOKIE_TEXT", "SHARE_TEXT", "RELATED_TEXT", "NEWSLETTER_TEXT", "COMMENT_TEXT", "CAPTION_TEXT", "FOOTER_TEXT", "Sign up", "Comments"]


    static let fixtures: [ArticleExpectation] = [
        // JSON-LD in a @graph, with an array of authors; <title> with " | ".
        ArticleExpectation(file: "graph-authors.html", title: "Tidal mill turns again after ninety years",
                 subtitle: "Volunteers spent six winters rebuilding the wheel and the sluice gates.",
                 author: "Ines Carvalho, Tomas Whitfield", date: utc(2026, 3, 14, 8, 30), source: "The Estuary Post",
                 url: "https://estuarypost.example/heritage/tidal-mill",
                 first: "The wheel of the old tidal mill at Saltings Creek turned on Saturday morning for the first time since 1936,",
                 last: "the trust hopes to sell it in the village shop by the end of the summer."),
        // OpenGraph and <meta name=author>; a figure with a caption.
        ArticleExpectation(file: "opengraph-figure.html", title: "Night trains return to the northern line",
                 subtitle: "Sleeper carriages will run three nights a week from April.", author: "Sigrid Paulsen",
                 date: utc(2026, 1, 20, 6), source: "Railway Gazette of Norland", url: "https://norlandrail.example/news/night-trains",
                 first: "[image: A sleeper carriage at the platform]\n\nSleeper trains will return to the northern line in April,",
                 last: "Campaigners who collected forty thousand signatures for the service said they would be on the first train."),
        // A byline element, <time datetime>, <title> with " - ", canonical link.
        ArticleExpectation(file: "byline-element.html", title: "Beekeepers count a good year on the moor", author: "Marguerite Okafor",
                 date: utc(2025, 9, 2), source: "The Fenwick Courier", url: "https://fenwickcourier.example/country/beekeepers-good-year",
                 first: "Heather honey from the high moor came in heavier than anyone can remember this year,",
                 last: "the long flowering would at least send the colonies into winter strong and well fed."),
        // <title> with " — ", <meta name=date>, canonical link; a section heading is kept.
        ArticleExpectation(file: "title-emdash.html", title: "The slow return of the otter", author: "Dafydd Rowlands", date: utc(2025, 6, 11),
                 source: "Riverlands Journal", url: "https://riverlands.example/nature/otter-return",
                 first: "Forty years ago, a survey of the river found no otters at all between the weir and the sea;",
                 last: "The surveyors will go out again in October, when the water is low and the mud holds a print for days."),
        // <title> with " :: ", "saved from url=" comment, a layout table with a menu column.
        ArticleExpectation(file: "title-double-colon.html", title: "Winter league final goes to a blitz playoff", source: "Harbourside Chess Notes",
                 url: "https://chessnotes.example/club/winter-league-final-report",
                 first: "The final of the winter league was decided after midnight on Thursday,",
                 last: "The club thanks the café on the harbour wall for staying open so late, and for the sandwiches."),
        // SingleFile's header comment for the URL, og:site_name, a rel=author link.
        ArticleExpectation(file: "singlefile.html", title: "Market bakers keep the ovens lit through the strike",
                 subtitle: "Three bakeries shared one wood-fired oven for a week.", author: "Pilar Ibarra", date: utc(2026, 2, 6, 17),
                 source: "Lantern Press", url: "https://lanternpress.example/food/market-bakers",
                 first: "When the gas supply to the covered market was cut during last week's strike,",
                 last: "the bakers said they would keep the old oven going on Saturdays."),
        // An article in three parts around a photo and a promotion.
        ArticleExpectation(file: "split-article.html", title: "How a village saved its only shop", author: "Agnieszka Brandt", date: utc(2025, 11, 30),
                 source: "Upland Review", url: "https://uplandreview.example/features/village-shop",
                 first: "When the owners of the only shop in Cold Ashby announced their retirement,",
                 last: "The accountant who called the first meeting now spends his Tuesday mornings stacking the shelves."),
        // A blog post followed by teasers of other posts, each an <article>.
        ArticleExpectation(file: "post-with-teasers.html", title: "Repairing a cane chair, one strand at a time", author: "Lucía Ferrer",
                 date: utc(2025, 4, 3, 12), source: "Mendwell Blog",
                 first: "The chair came from a house clearance with a hole in the seat the size of a dinner plate,",
                 last: "The seat is not perfect, but it holds, and the chair is back in the kitchen where it belongs."),
        // An old page: paragraphs made of <br><br>, a bold headline, link columns.
        ArticleExpectation(file: "br-paragraphs.html", title: "Notes from the allotment: the leeks are in", source: "Greenway Allotment Society",
                 first: "The leeks went into the trench on plot nine this weekend,",
                 last: "Anyone who wants to learn how is welcome on Saturday morning."),
        // JSON-LD with a plain-string author; an embedded post quoted in the text.
        ArticleExpectation(file: "embedded-post.html", title: "Harbour seal spotted in the canal basin",
                 subtitle: "Boaters shared photos of the seal resting on a pontoon.", author: "Oskar Lindgren", date: utc(2026, 5, 2, 9, 15),
                 source: "Canalside News", url: "https://canalside.example/wildlife/seal-canal-basin",
                 first: "A harbour seal spent most of Thursday resting on a pontoon in the canal basin,",
                 last: "as others have done before."),
    ]

    @Test(arguments: fixtures)
    func fixtureMetadataAndBody(_ expected: ArticleExpectation) throws {
        let a = try Fixture.load("html/" + expected.file).article
        #expect(a.title == expected.title)
        #expect(a.subtitle == expected.subtitle)
        #expect(a.author == expected.author)
        #expect(a.date == expected.date)
        #expect(a.source == expected.source)
        #expect(a.url == expected.url)
        #expect(a.bodyText.hasPrefix(expected.first), "body starts: \(a.bodyText.prefix(120))")
        #expect(a.bodyText.hasSuffix(expected.last), "body ends: \(a.bodyText.suffix(120))")
        for marker in Self.furnitureMarkers { #expect(!a.bodyText.contains(marker), "body contains \(marker)") }
        // The headline is in the reader's header, not repeated at the top of the body.
        #expect(!a.bodyText.hasPrefix(expected.title))
    }

    @Test func graphFixtureDropsEveryKindOfFurniture() throws {
        let a = try Fixture.load("html/graph-authors.html").article
        #expect(a.body.count == 5)
        #expect(!a.bodyText.contains("Heritage"))  // kicker
        #expect(!a.bodyText.contains("By Ines Carvalho"))  // byline
        #expect(!a.bodyText.contains("Email"))  // share bar
        #expect(!a.bodyText.contains("lighthouse"))  // related articles
        #expect(!a.bodyText.contains("inbox"))  // newsletter form
        #expect(!a.bodyText.contains("grandfather"))  // comments
        #expect(!a.bodyText.contains("Quay Street"))  // footer
        #expect(!a.bodyText.contains("cookies"))  // cookie banner
    }

    @Test func quotesAndEmbeddedPostsStay() throws {
        let figure = try Fixture.load("html/opengraph-figure.html").article
        #expect(figure.body.contains(.quote([.text("People kept asking us for it, year after year, in every survey we ran.")])))
        #expect(figure.body.contains(.image(alt: "A sleeper carriage at the platform")))
        let embedded = try Fixture.load("html/embedded-post.html").article
        #expect(embedded.bodyText.contains("a seal asleep next to the water taxi"))
    }

    @Test func splitArticleKeepsEveryPartAndItsHeading() throws {
        let a = try Fixture.load("html/split-article.html").article
        #expect(a.body.contains(.heading(level: 2, [Inline("Shares at fifty pounds")])))
        #expect(a.bodyText.contains("By Christmas they had raised enough"))
        #expect(!a.bodyText.contains("Upland Review"))
        #expect(!a.bodyText.contains("blacksmith"))
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let a = try Fixture.load("html/br-paragraphs.html").article
        #expect(a.body.count == 3)
        #expect(!a.bodyText.contains("Events"))
    }

    @Test func aLongCommentSectionDoesNotWinOverAShortArticle() throws {
        let comment = "<div class=\"comment\"><p>I could not agree more with every word of this piece, and I have been saying the same thing, at length and with examples, for years now.</p></div>"
        let html = """
        <html><head><title>Ferry fares frozen for another year</title></head><body>
        <article><h1>Ferry fares frozen for another year</h1>
        <p>Fares on the island ferries will stay at last year's prices until next spring, the operator said on Monday, after a winter in which passenger numbers finally recovered.</p>
        <p>The operator said higher fuel costs would be covered by the new timetable, which drops two of the emptiest sailings.</p>
        </article>
        <section id="comments">\(String(repeating: comment, count: 12))</section>
        </body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "fares.html")
        #expect(a.body.count == 2)
        #expect(!a.bodyText.contains("agree"))
    }

    // MARK: - Bad input: every case ends, in bounded time, with an article or an error

    @Test func hundredThousandNestedElements() throws {
        let depth = 100_000
        var html = "<html><head><title>Deep</title></head><body>"
        html += String(repeating: "<div>", count: depth)
        html += "<p>The only paragraph sits at the bottom of a very deep pile of elements, where nobody should ever put one.</p>"
        html += String(repeating: "</div>", count: depth)
        html += "</body></html>"
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "deep.html")
        #expect(a.title == "Deep")
        #expect(a.bodyText.contains("The only paragraph sits at the bottom"))
        // Unclosed inline elements nest just as deep.
        let unclosed = "<html><body>" + String(repeating: "<span><b>", count: depth / 2) + "Still readable text at the end of it all."
        let b = try HTMLExtractor().extract(from: Array(unclosed.utf8), fileName: "unclosed.html")
        #expect(b.bodyText.contains("Still readable text"))
    }

    /// A page saved with its pictures inlined as data URIs, as SingleFile does: 50 MB,
    /// a fifth of it text.
    /// libxml2 drops raw control characters but keeps what follows them: an
    /// escape sequence must reach the sanitizer whole, ESC and BEL included, so
    /// that it is removed whole and its payload never shows.
    @Test func rawEscapeSequencesSurviveParsingWhole() throws {
        let page = "<html><head><title>Evil \u{1B}]0;PWNED\u{07} page</title></head><body><article><p>"
            + "A paragraph with a clipboard write \u{1B}]52;c;Q0xJUEJP\u{07} inside it and enough ordinary words to be the body of the page.</p>"
            + "<p>Tabs\tand a DEL\u{7F} stay apart from private-use text like \u{E000}.</p></article></body></html>"
        let article = try HTMLExtractor().extract(from: Array(page.utf8), fileName: "evil.html")
        #expect(article.title == "Evil \u{1B}]0;PWNED\u{07} page")
        #expect(article.bodyText.contains("write \u{1B}]52;c;Q0xJUEJP\u{07} inside"))
        #expect(article.bodyText.contains("\u{E000}"))
    }

    @Test func fiftyMegabytePage() throws {
        let paragraph = Array(("<p>" + String(repeating: "The harbour master counted the boats again, slowly, and wrote the number in the ledger. ", count: 12) + "</p>\n").utf8)
        let picture = Array(("<figure><img alt=\"The ledger\" src=\"data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: 16_000) + "\"></figure>\n").utf8)
        var bytes = Array("<html><head><title>Ledger</title></head><body><article>".utf8)
        bytes.reserveCapacity(51 << 20)
        while bytes.count < 50 << 20 {
            bytes += picture
            for _ in 0..<100 { bytes += paragraph }
        }
        bytes += Array("</article></body></html>".utf8)
        let a = try HTMLExtractor().extract(from: bytes, fileName: "ledger.html")
        #expect(a.title == "Ledger")
        #expect(a.body.count > 10_000)
        #expect(a.body.first == .image(alt: "The ledger"))
        #expect(a.bodyText.hasSuffix("wrote the number in the ledger."))
    }

    @Test func aTagWithAHundredThousandAttributes() throws {
        let attributes = (0..<100_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
        let html = "<html><head><title>Attributes</title></head><body><p \(attributes)>A paragraph with far too many attributes, and some text after them.</p></body></html>"
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "attributes.html")
        #expect(a.bodyText == "A paragraph with far too many attributes, and some text after them.")
    }

    @Test(arguments: [
        Named("no body", "<html><head><title>Nothing here</title></head></html>"),
        Named("only an image", "<html><head><title>Nothing here</title></head><body><div><img src=\"a.png\"><div></div></div></body></html>"),
        Named("only scripts", "<html><head><title>Nothing here</title><script>var a = 1;</script></head><body><script>document.write('x')</script><style>p{}</style></body></html>"),
        Named("only whitespace elements", "<html><head><title>Nothing here</title></head><body><div> <span> </span> </div><p>\n</p></body></html>"),
    ])
    func pageWithNoText(_ input: Named) throws {
        let a = try HTMLExtractor().extract(from: Array(input.text.utf8), fileName: "nothing.html")
        #expect(a.title == "Nothing here")
        #expect(a.bodyText.isEmpty)
    }

    @Test(arguments: [
        Named("inside a tag", "<html><head><title>Cut</title></head><body><article><p>The first paragraph is complete, and long enough to be the article on its own page.</p><p class=\"x"),
        Named("inside text", "<html><head><title>Cut</title></head><body><article><p>The first paragraph is complete, and long enough to be the article on its own page.</p><p>The second stops in the mid"),
        Named("inside a comment", "<html><head><title>Cut</title></head><body><article><p>The first paragraph is complete, and long enough to be the article on its own page.</p><!-- a comment that"),
        Named("inside a script", "<html><head><title>Cut</title></head><body><article><p>The first paragraph is complete, and long enough to be the article on its own page.</p><script>if (a < b) {"),
        Named("stray closing tags", "</div></span><html><head><title>Cut</title></head></p><body></table><article><p>The first paragraph is complete, and long enough to be the article on its own page.</td></p>"),
    ])
    func truncatedHTML(_ input: Named) throws {
        let a = try HTMLExtractor().extract(from: Array(input.text.utf8), fileName: "cut.html")
        #expect(a.title == "Cut")
        #expect(a.bodyText.hasPrefix("The first paragraph is complete, and long enough to be the article on its own page."))
    }

    @Test func utf8PageDeclaredAsShiftJIS() throws {
        let html = """
        <html><head><meta charset="shift_jis"><title>Crème brûlée at the pier</title></head>
        <body><p>The café on the pier sold crème brûlée for €4 — and a few bowls of 味噌汁 — on Sunday.</p></body></html>
        """
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "pier.html")
        #expect(a.title == "Crème brûlée at the pier")
        #expect(a.bodyText == "The café on the pier sold crème brûlée for €4 — and a few bowls of 味噌汁 — on Sunday.")
    }

    @Test func latin1PageDeclaredAsUTF8() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"><title>Caf".utf8) + [0xE9] + Array(" reopens</title></head><body><p>The caf".utf8)
        bytes += [0xE9] + Array(" by the lock reopened with cr".utf8) + [0xE8] + Array("me br".utf8) + [0xFB] + Array("l".utf8) + [0xE9]
        bytes += Array("e on the menu.</p></body></html>".utf8)
        let a = try HTMLExtractor().extract(from: bytes, fileName: "lock.html")
        #expect(a.title == "Café reopens")
        #expect(a.bodyText == "The café by the lock reopened with crème brûlée on the menu.")
    }

    @Test func aBadByteDoesNotCutThePageShort() throws {
        // Shift_JIS with a byte that is not Shift_JIS halfway through: the rest is still read.
        var sjis = Array("<html><head><meta charset=\"shift_jis\"><title>".utf8) + [0x93, 0xFA, 0x96, 0x7B]  // 日本
        sjis += Array("</title></head><body><p>".utf8) + [0x8D, 0xC5, 0x8F, 0x89]  // 最初
        sjis += Array(" first part.</p><p>".utf8) + [0x85, 0xFF] + Array(" second part after the bad bytes.</p></body></html>".utf8)
        let a = try HTMLExtractor().extract(from: sjis, fileName: "sjis.html")
        #expect(a.title == "日本")
        #expect(a.bodyText.hasPrefix("最初 first part."))
        #expect(a.bodyText.hasSuffix("second part after the bad bytes."))
        // Windows-1252 leaves five bytes undefined.
        let cp1252 = Array("<html><head><meta charset=\"windows-1252\"><title>Lock</title></head><body><p>Undefined ".utf8)
            + [0x81, 0x8D, 0x8F, 0x90, 0x9D] + Array(" bytes, and the text goes on to the end.</p></body></html>".utf8)
        let b = try HTMLExtractor().extract(from: cp1252, fileName: "lock.html")
        #expect(b.bodyText == "Undefined \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} bytes, and the text goes on to the end.")
    }

    @Test func utf16WithByteOrderMark() throws {
        let html = "<html><head><title>Ferry café</title></head><body><p>The ferry café opens at six — with crème brûlée.</p></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let a = try HTMLExtractor().extract(from: bytes, fileName: "ferry.html")
        #expect(a.title == "Ferry café")
        #expect(a.bodyText == "The ferry café opens at six — with crème brûlée.")
    }

    @Test func unknownDeclaredCharset() throws {
        let html = "<html><head><meta charset=\"x-no-such-charset\"><title>Odd</title></head><body><p>Text in a page whose declared charset nobody knows.</p></body></html>"
        let a = try HTMLExtractor().extract(from: Array(html.utf8), fileName: "odd.html")
        #expect(a.bodyText == "Text in a page whose declared charset nobody knows.")
    }

    // MARK: - Author names

    @Test(arguments: [
        ("By MARGIT OLSEN, AP Science Writer", "MARGIT OLSEN"),
        ("Analysis by Jonas Weir, Senior Editor", "Jonas Weir"),
        ("Ruth Aldana | 3 March 2026 10:12 AM Print this article", "Ruth Aldana"),
        ("Pau Serra @pauserra Mar 3, 2026 at 9:24 pm ET", "Pau Serra"),
        ("Harbour Desk Published 11:11 PM EST Mar 3, 2026", "Harbour Desk"),
        ("VALLEY LEDGER STAFF MARCH 3, 2026 10:43", "VALLEY LEDGER STAFF"),
        ("Ines Carvalho, Tomas Whitfield", "Ines Carvalho, Tomas Whitfield"),
        ("Abby Lindqvist", "Abby Lindqvist"),
    ])
    func authorNamesAreTidied(_ raw: String, _ expected: String) {
        #expect(AuthorName.clean(raw) == expected)
    }
}
