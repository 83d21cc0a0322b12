import Foundation
import Testing
@testable import FolioCore

struct MarkdownExtractionTests {
    @Test func obsidianWebClipperFrontMatter() throws {
        let loaded = try Fixture.load("markdown/obsidian-clip.md")
        let a = loaded.article
        #expect(a.format == .markdown)
        #expect(a.title == "Orchard growers turn to night harvests as heat builds")
        #expect(a.url == "https://www.valleyledger.example/farming/night-harvests?utm_source=rss&utm_medium=feed")
        #expect(a.author == "Priya Raman")
        #expect(a.date == utc(2026, 7, 22))
        #expect(a.subtitle == "Pickers now work under floodlights because the afternoons are too hot for the fruit and for them.")
        #expect(a.tags == ["clippings", "farming"])
        #expect(a.source == "valleyledger.example")
        #expect(a.body.count == 2)
        #expect(a.bodyText.hasPrefix("Under floodlights strung between the rows"))
        #expect(!a.bodyText.contains("---"))
        #expect(!a.bodyText.contains("[[Priya Raman]]"))
        #expect(loaded.identity.rawValue == "url:https://valleyledger.example/farming/night-harvests")
    }

    @Test func markDownloadClip() throws {
        let a = try Fixture.load("markdown/markdownload-clip.md").article
        #expect(a.title == "Glacier melt is reshaping alpine hydropower plans")
        #expect(a.source == "Alpine Post")
        #expect(a.subtitle == "Operators are redesigning reservoirs for a future with less ice and more rain.")
        #expect(a.url == "https://alpinepost.example/energy/glacier-hydro")
        #expect(a.body == [
            .text("The reservoir above Val Serena was built in the 1960s on the assumption that the glacier feeding it would always be there."),
            .text("Engineers now expect the ice to be gone within thirty years, and the company that runs the dam is planning for it."),
        ])
    }

    @Test func omnivoreClip() throws {
        let a = try Fixture.load("markdown/omnivore-clip.md").article
        #expect(a.title == "Port cities race to electrify their harbours")
        #expect(a.author == "Tomas Lindqvist")
        #expect(a.date == utc(2026, 2, 14, 10, 0))
        #expect(a.source == "Harbour Daily")
        #expect(a.url == "https://harbourdaily.example/2026/02/14/shore-power/")
        // The heading that repeats the title is not shown twice.
        #expect(a.body.count == 2)
        #expect(a.bodyText.hasPrefix("Across northern Europe"))
        #expect(!a.bodyText.contains("race to electrify"))
    }

    @Test func noFrontMatterTakesFirstHeadingAsTitle() throws {
        let a = try Fixture.load("markdown/no-front-matter.md").article
        #expect(a.title == "How the river festival found its new home")
        #expect(a.url == nil)
        #expect(a.author == nil)
        #expect(a.body == [
            .text("Every summer for thirty years the river festival has filled the meadow by the old mill."),
            .text("This year, with the meadow flooded, the organisers moved everything to the school playing fields."),
        ])
    }

    @Test func renderingToBlocks() throws {
        let a = try Fixture.load("markdown/rendering.md").article
        #expect(a.title == "Rendering sampler")
        #expect(a.links == ["https://example.org/one", "https://example.org/two"])
        let expected: [Block] = [
            .paragraph([
                Inline("A paragraph with "),
                Inline("emphasis", style: .emphasis),
                Inline(", "),
                Inline("strong words", style: .strong),
                Inline(" and a "),
                Inline("first link", style: .link, linkNumber: 1),
                Inline(" plus a "),
                Inline("second link", style: .link, linkNumber: 2),
                Inline(" and the "),
                Inline("first link again", style: .link, linkNumber: 1),
                Inline("."),
            ]),
            .heading(level: 2, [Inline("Section two")]),
            .list(ordered: false, start: 1, items: [
                [.text("apples")],
                [.text("pears"), .list(ordered: false, start: 1, items: [[.text("conference")], [.text("comice")]])],
                [.text("plums")],
            ]),
            .quote([.text("Quoted wisdom from a fictional almanac.")]),
            .code("let answer = 42\n    indented  line"),
            .table(rows: [
                [[Inline("Town")], [Inline("Population")]],
                [[Inline("Ashby")], [Inline("1200")]],
                [[Inline("Brill")], [Inline("830")]],
            ], hasHeader: true),
            .image(alt: "A lighthouse at dusk"),
            .text("Final paragraph."),
        ]
        #expect(a.body.count == expected.count)
        for (got, want) in zip(a.body, expected) { #expect(got == want) }
    }

    @Test func orderedListsAndInlineCode() throws {
        let md = """
        # Steps

        3. Take `git status` first
        4. Then ***both*** styles
        """
        let a = try MarkdownExtractor().extract(from: Array(md.utf8), fileName: "steps.md")
        #expect(a.body == [
            .list(ordered: true, start: 3, items: [
                [.paragraph([Inline("Take "), Inline("git status", style: .code), Inline(" first")])],
                [.paragraph([Inline("Then "), Inline("both", style: [.strong, .emphasis]), Inline(" styles")])],
            ]),
        ])
    }

    @Test func frontMatterTitleWinsOverDifferentHeading() throws {
        let md = """
        ---
        title: The Real Title
        ---
        # A different first heading

        Some body text here.
        """
        let a = try MarkdownExtractor().extract(from: Array(md.utf8), fileName: "x.md")
        #expect(a.title == "The Real Title")
        #expect(a.body.first == .heading(level: 1, [Inline("A different first heading")]))
    }

    @Test func bylineParagraphUnderTheHeading() throws {
        let md = """
        # Lanterns over the old bridge

        *By Oskar Lind · Riverside Almanac · 9 January 2026*

        The lanterns went up on Friday evening, one on every post of the old bridge.
        """
        let a = try MarkdownExtractor().extract(from: Array(md.utf8), fileName: "lanterns.md")
        #expect(a.title == "Lanterns over the old bridge")
        #expect(a.author == "Oskar Lind")
        #expect(a.source == "Riverside Almanac")
        #expect(a.date == utc(2026, 1, 9))
        #expect(a.body == [.text("The lanterns went up on Friday evening, one on every post of the old bridge.")])
    }

    @Test func windowsLineEndings() throws {
        let md = "---\r\ntitle: Carriage returns\r\nauthor: Ana Ruiz\r\n---\r\n## First part\r\n\r\nOne paragraph\r\nwrapped in two lines.\r\n\r\n- a\r\n- b\r\n"
        let a = try MarkdownExtractor().extract(from: Array(md.utf8), fileName: "crlf.md")
        #expect(a.title == "Carriage returns")
        #expect(a.author == "Ana Ruiz")
        #expect(a.body == [
            .heading(level: 2, [Inline("First part")]),
            .text("One paragraph wrapped in two lines."),
            .list(ordered: false, start: 1, items: [[.text("a")], [.text("b")]]),
        ])
    }

    @Test func titleFromFileNameWhenNothingElse() throws {
        let a = try MarkdownExtractor().extract(from: Array("Just a paragraph of text.\n".utf8), fileName: "clips/night-harvests_2026.md")
        #expect(a.title == "night harvests 2026")
        #expect(a.bodyText == "Just a paragraph of text.")
    }
}


struct ClipFixtureTests {
    static let expectations: [ArticleExpectation] = [
        ArticleExpectation(
            file: "markdown/obsidian-two-authors.md",
            title: "Mapping the hedgerows: volunteers count every bush in Hollin parish",
            subtitle: "A two-year survey has found more than forty kilometres of hedgerow, some of it older than the church.",
            author: "Ana Ruiz, T. Lindqvist", date: utc(2026, 3, 9, 7, 30), source: "wealdnotes.example",
            url: "https://www.wealdnotes.example/nature/2026/03/hedgerow-survey?ref=feed",
            first: "Every Saturday morning for two years, a dozen volunteers have walked the lanes of Hollin",
            last: "The parish council will use the map to decide where new planting should go.",
            tags: ["clippings", "nature"], links: ["https://example.org/hedge-guide"]),
        ArticleExpectation(
            file: "markdown/markdownload-full.md",
            title: "Second daily sailing for the outer isles from March",
            subtitle: "Islanders have waited ten years for a return trip that lets them work on the mainland.",
            author: "Morag Finlay", date: utc(2026, 2, 20, 9, 15, 42), source: "Island Times",
            url: "https://islandtimes.example/transport/2026/02/19/second-sailing",
            first: "The ferry operator confirmed on Thursday that a second daily sailing will start on the first Monday of March.",
            last: "The timetable will be reviewed after one year.",
            tags: ["ferries", "islands"], links: []),
        ArticleExpectation(
            file: "markdown/omnivore-folded.md",
            title: "The night train returns to the northern line", subtitle: nil,
            author: "Petra Solberg", date: utc(2026, 1, 30, 6, 0), source: "Rail Review",
            url: "https://railreview.example/2026/01/30/night-train-returns",
            first: "After eleven years without a sleeper service, the northern line will have a night train again from May",
            last: "Tickets go on sale next week.",
            tags: ["rail", "travel", "Omnivore"], links: ["https://railreview.example/restaurant-car"]),
        ArticleExpectation(
            file: "markdown/plain-heading.md",
            title: "The beekeepers of Linden Street", subtitle: nil, author: nil, date: nil, source: nil, url: nil,
            first: "Nobody on Linden Street remembers who put the first hive on the roof of number 12",
            last: "and for the allotment society's annual party.",
            links: ["https://example.org/linden-corner-shop", "https://example.org/linden-allotments"]),
        ArticleExpectation(
            file: "markdown/broken-front-matter.md",
            title: "Lanterns over the old bridge", subtitle: nil, author: "Oskar Lind", date: nil, source: nil, url: nil,
            first: "The lanterns went up on Friday evening, one on every post of the old bridge.",
            last: "By Saturday the whole town had come to look at them."),
        ArticleExpectation(
            file: "markdown/every-block.md",
            title: "Every block type", subtitle: nil, author: nil, date: nil, source: nil, url: nil,
            first: "A paragraph with emphasis, strong, code, struck text, an escaped *star*, an entity & a hard break (two spaces)\nand another one (backslash)\nand a reference link",
            last: "[^1]: The footnote text.",
            links: ["https://example.org/reference", "https://example.org/auto"]),
    ]

    @Test(arguments: expectations)
    func extractsMetadataAndBody(_ e: ArticleExpectation) throws {
        let a = try Fixture.load(e.file).article
        #expect(a.format == .markdown)
        #expect(a.title == e.title)
        #expect(a.subtitle == e.subtitle)
        #expect(a.author == e.author)
        #expect(a.date == e.date)
        #expect(a.source == e.source)
        #expect(a.url == e.url)
        if let tags = e.tags { #expect(a.tags == tags) }
        if let links = e.links { #expect(a.links == links) }
        #expect(a.bodyText.hasPrefix(e.first), "body starts: \(a.bodyText.prefix(160))")
        #expect(a.bodyText.hasSuffix(e.last), "body ends: \(a.bodyText.suffix(160))")
        for noise in ["---", "#Omnivore", "Read Original", "Read on Omnivore", "## Excerpt", "[[", "title:", "Source:", "<div", "<!--"] {
            #expect(!a.bodyText.contains(noise), "body contains \(noise)")
        }
    }

    @Test func everyBlockType() throws {
        let a = try Fixture.load("markdown/every-block.md").article
        let kinds = a.body.map { block -> String in
            switch block {
            case .paragraph: return "p"
            case .heading(let level, _): return "h\(level)"
            case .quote: return "quote"
            case .list(let ordered, let start, _): return ordered ? "ol\(start)" : "ul"
            case .code: return "code"
            case .rule: return "rule"
            case .table: return "table"
            case .image: return "image"
            }
        }
        #expect(kinds == ["p", "h2", "h3", "ul", "ol9", "quote", "code", "code", "table", "rule", "image", "p", "p", "p"])
        #expect(a.body[6] == .code("\ttabbed\tcode\n    stays  as  written"))
        #expect(a.body[7] == .code("indented code block"))
        #expect(a.body[3] == .list(ordered: false, start: 1, items: [
            [.text("first bullet")],
            [.text("second bullet"), .list(ordered: true, start: 1, items: [
                [.text("nested number one")],
                [.text("nested number two"), .list(ordered: false, start: 1, items: [[.text("deepest bullet")]])],
            ])],
            [.text("third bullet"), .quote([.text("a quote inside a list item")])],
        ]))
        #expect(a.body[5] == .quote([.text("A quote with a list:"), .list(ordered: false, start: 1, items: [[.text("quoted item")]])]))
        #expect(a.body[8] == .table(rows: [
            [[Inline("Item")], [Inline("Count")]],
            [[Inline("Apples")], [Inline("12")]],
            [[Inline("Pears")], [Inline("7")]],
        ], hasHeader: true))
        #expect(a.body[10] == .image(alt: "A heron in the reeds"))
        #expect(a.body[11] == .text("Text inside a div survives."))
        guard case .paragraph(let first) = a.body[0] else { Issue.record("not a paragraph"); return }
        #expect(first.contains(Inline("emphasis", style: .emphasis)))
        #expect(first.contains(Inline("strong", style: .strong)))
        #expect(first.contains(Inline("code", style: .code)))
        #expect(first.contains(Inline("reference link", style: .link, linkNumber: 1)))
        #expect(first.contains(Inline("https://example.org/auto", style: .link, linkNumber: 2)))
        #expect(first.contains(Inline("bold HTML", style: .strong)))
    }

    @Test func omnivoreClipperLinesLeaveNoLinkNumbersBehind() throws {
        let a = try Fixture.load("markdown/omnivore-folded.md").article
        guard case .paragraph(let first)? = a.body.first else { Issue.record("no paragraph"); return }
        #expect(first.contains(Inline("restaurant car", style: .link, linkNumber: 1)))
    }
}

struct MarkdownInlineTests {
    func body(_ md: String) throws -> [Block] {
        try MarkdownExtractor().extract(from: Array(md.utf8), fileName: "x.md").body
    }

    @Test func referenceStyleLinksWithTitlesAndCaseInsensitiveKeys() throws {
        let a = try MarkdownExtractor().extract(from: Array("See [the Guide][G] and [Guide].\n\n[g]: https://example.org/g 'Guide'\n[guide]: <https://example.org/h>\n".utf8), fileName: "x.md")
        #expect(a.body == [.paragraph([Inline("See "), Inline("the Guide", style: .link, linkNumber: 1), Inline(" and "),
                                       Inline("Guide", style: .link, linkNumber: 2), Inline(".")])])
        #expect(a.links == ["https://example.org/g", "https://example.org/h"])
    }

    @Test func escapesEntitiesAndInlineHTML() throws {
        #expect(try body(##"\*not\* \_em\_ \# \[x\] &lt;tag&gt; &eacute;&#x2014;<span class="x">kept</span><br>next <!-- gone --> <i>it</i>"##)
            == [.paragraph([Inline("*not* _em_ # [x] <tag> é—kept\nnext  "), Inline("it", style: .emphasis)])])
    }

    @Test func htmlLinkAndImage() throws {
        let a = try MarkdownExtractor().extract(from: Array(#"Go <a href="https://example.org/a?x=1&amp;y=2">there</a> <img alt="A map" src="m.png">"#.utf8), fileName: "x.md")
        #expect(a.body == [.paragraph([Inline("Go "), Inline("there", style: .link, linkNumber: 1), Inline(" "), Inline("[image: A map]", style: .emphasis)])])
        #expect(a.links == ["https://example.org/a?x=1&y=2"])
    }

    @Test func setextHeadingsAndHardBreaks() throws {
        // The first level-1 heading becomes the title; the second stays in the body.
        #expect(try body("# Doc\n\nTitle\n===\n\nSub\n---\n\nline one  \nline two\\\nline three\nsoft") == [
            .heading(level: 1, [Inline("Title")]),
            .heading(level: 2, [Inline("Sub")]),
            .text("line one\nline two\nline three soft"),
        ])
    }

    @Test func orderedListKeepsItsStartAndParenDelimiter() throws {
        #expect(try body("7) seven\n8) eight\n\n1. one\n2. two") == [
            .list(ordered: true, start: 7, items: [[.text("seven")], [.text("eight")]]),
            .list(ordered: true, start: 1, items: [[.text("one")], [.text("two")]]),
        ])
    }

    @Test func turndownStyleListIndentation() throws {
        // MarkDownload (Turndown) writes "-   item" and nests by four spaces.
        #expect(try body("-   one\n    -   inner\n-   two") == [
            .list(ordered: false, start: 1, items: [
                [.text("one"), .list(ordered: false, start: 1, items: [[.text("inner")]])],
                [.text("two")],
            ]),
        ])
    }

    @Test func lazyQuoteContinuationStopsAtABlock() throws {
        #expect(try body("> quoted\ncontinued\n- a list") == [
            .quote([.text("quoted continued")]),
            .list(ordered: false, start: 1, items: [[.text("a list")]]),
        ])
    }

    @Test func footnotesStayAsWritten() throws {
        #expect(try body("Text.[^1]\n\n[^1]: Note.") == [.text("Text.[^1]"), .text("[^1]: Note.")])
    }
}

struct FrontMatterClipperTests {
    @Test func omnivoreFoldedScalars() {
        let (fm, rest) = FrontMatter.split("---\ntitle: >\n  A folded\n  title\nauthor: |\n  Petra Solberg\nsite_name: Rail Review\n---\nBody")
        #expect(fm?.string("title") == "A folded title")
        #expect(fm?.string("author") == "Petra Solberg")
        #expect(fm?.string("site_name") == "Rail Review")
        #expect(rest == "Body")
    }

    @Test func authorAsStringListOrWikiLinks() {
        #expect(FrontMatter.split("---\nauthor: Ana Ruiz\n---\n").0?.list("author") == ["Ana Ruiz"])
        #expect(FrontMatter.split("---\nauthor: \"[[Ana Ruiz]], [[Priya Raman]]\"\n---\n").0?.list("author") == ["Ana Ruiz", "Priya Raman"])
        #expect(FrontMatter.split("---\nauthor: [\"[[Ana Ruiz]]\", \"Priya Raman\"]\n---\n").0?.list("author") == ["Ana Ruiz", "Priya Raman"])
        #expect(FrontMatter.split("---\nauthor:\n- \"[[Ana Ruiz]]\"\n- Priya Raman\n---\n").0?.list("author") == ["Ana Ruiz", "Priya Raman"])
    }

    @Test func twoRulesAroundProseAreNotFrontMatter() {
        let text = "---\n\nJust a paragraph between rules.\n\n---\n"
        let (fm, rest) = FrontMatter.split(text)
        #expect(fm == nil)
        #expect(rest == text[...])
    }

    @Test func unclosedFrontMatterEndsAtTheFirstLineThatIsNotYAML() {
        let (fm, rest) = FrontMatter.split("---\ntitle: Never closed\nauthor: Ana Ruiz\nThe body starts here.\n")
        #expect(fm?.string("title") == "Never closed")
        #expect(fm?.string("author") == "Ana Ruiz")
        #expect(rest == "The body starts here.\n")
    }

    @Test func authorsFromFrontMatterAreCleaned() throws {
        let a = try MarkdownExtractor().extract(from: Array("---\ntitle: T\nauthor: By ANA RUIZ\n---\nText.".utf8), fileName: "x.md")
        #expect(a.author == "Ana Ruiz")
    }
}
