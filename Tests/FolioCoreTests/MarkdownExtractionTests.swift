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
