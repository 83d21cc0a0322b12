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
}
