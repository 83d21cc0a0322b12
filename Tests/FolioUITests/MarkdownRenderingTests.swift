import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Markdown through the extractor and `ArticleLayout`, compared as lines of text.
struct MarkdownRenderingTests {
    /// The body lines (after the header's blank line), trailing spaces removed.
    func render(_ markdown: String, width: Int = 40) throws -> [String] {
        let article = try MarkdownExtractor().extract(from: Array(("# T\n\n" + markdown).utf8), fileName: "t.md")
        let lines = ArticleLayout.lines(for: article, width: width).map(\.plainText)
        for line in lines { #expect(DisplayWidth.of(line) <= width, "too wide: \(line)") }
        let start = (lines.firstIndex(of: "") ?? -1) + 1
        return lines[start...].map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    @Test func nestedListsWithBulletsByDepthAndAlignedNumbers() throws {
        #expect(try render("""
        - one
        - two
          1. alpha
          2. beta
             - deep
        - three

        9. nine
        10. ten
        """) == [
            "• one",
            "• two",
            "  1. alpha",
            "  2. beta",
            "     ▪ deep",
            "• three",
            "",
            " 9. nine",
            "10. ten",
        ])
    }

    @Test func longListItemsWrapUnderTheirText() throws {
        #expect(try render("1. A list item long enough that it has to wrap onto a second line.", width: 30) == [
            "1. A list item long enough",
            "   that it has to wrap onto a",
            "   second line.",
        ])
    }

    @Test func looseListItemsAreSpacedAndQuotesSitInsideItems() throws {
        #expect(try render("""
        - first paragraph

          second paragraph
        - item with a quote

          > quoted
        """) == [
            "• first paragraph",
            "",
            "  second paragraph",
            "",
            "• item with a quote",
            "",
            "  │ quoted",
        ])
    }

    @Test func quotesNestAndKeepTheirBar() throws {
        #expect(try render("> para one\n>\n> para two\n>> nested\n\nafter") == [
            "│ para one",
            "│",
            "│ para two",
            "│",
            "│ │ nested",
            "",
            "after",
        ])
    }

    @Test func codeIsNotRewrappedTabsExpandAndLongLinesContinue() throws {
        #expect(try render("```\n\tfoo\tbar\nlet x = 1   // a comment that runs past the edge\n```\n\n    indented", width: 30) == [
            "      foo bar",
            "  let x = 1   // a comment th→",
            "  at runs past the edge",
            "",
            "  indented",
        ])
    }

    @Test func tablesAlignNumbersRightAndFitTheWidth() throws {
        let table = """
        | Town | Population | Note |
        |------|-----------:|------|
        | Ashby | 1200 | market town |
        | Brill | 830 | on a hill above the vale |
        """
        #expect(try render(table, width: 60) == [
            "Town  │ Population │ Note",
            "──────┼────────────┼─────────────────────────",
            "Ashby │       1200 │ market town",
            "Brill │        830 │ on a hill above the vale",
        ])
        #expect(try render(table, width: 32) == [
            "Town  │ Population │ Note",
            "──────┼────────────┼────────────",
            "Ashby │       1200 │ market town",
            "Brill │        830 │ on a hill",
            "      │            │ above the",
            "      │            │ vale",
        ])
        // Too narrow for columns: one "Header: value" line per cell.
        let narrow = try render(table, width: 14)
        #expect(narrow == [
            "Town: Ashby",
            "Population:",
            "1200",
            "Note: market",
            "town",
            "",
            "Town: Brill",
            "Population:",
            "830",
            "Note: on a",
            "hill above the",
            "vale",
        ], "\(narrow)")
    }

    @Test func linksAreNumberedAndListedAtTheEnd() throws {
        #expect(try render("See [one](https://example.org/1), [two][r] and [one](https://example.org/1) again.\n\n[r]: https://example.org/2") == [
            "See one[1], two[2] and one[1] again.",
            "",
            "Links",
            "[1] https://example.org/1",
            "[2] https://example.org/2",
        ])
    }

    @Test func imagesHeadingsRulesBreaksEscapesEntitiesAndHTML() throws {
        #expect(try render("""
        ## Section

        ![A heron](heron.jpg)

        ---

        one  
        two\\
        three \\*four\\* &amp; <b>five</b> <span>six</span><br>seven
        """) == [
            "Section",
            "",
            "[image: A heron]",
            "",
            "────────────────────",
            "",
            "one",
            "two",
            "three *four* & five six",
            "seven",
        ])
    }

    @Test func styledRunsKeepTheirStyles() throws {
        let article = try MarkdownExtractor().extract(from: Array("# T\n\n*em* **strong** `code` [link](https://example.org)".utf8), fileName: "t.md")
        let theme = Theme.standard
        let body = ArticleLayout.lines(for: article, width: 60, theme: theme)
        let line = try #require(body.first { $0.plainText.hasPrefix("em") })
        #expect(line.contains(Span("em", style: theme.body.adding(.italic))))
        #expect(line.contains(Span("strong", style: theme.body.adding(.bold))))
        #expect(line.contains(Span("code", style: theme.code)))
        #expect(line.contains(Span("link", style: theme.body.adding(.underline))))
        #expect(line.contains(Span("[1]", style: theme.metadata)))
    }

    @Test func plainTextTableFromAPageDumpRendersAsColumns() throws {
        let text = "Fares\n\nThe new fares are set out below and apply from the first of April this year.\n\nTicket\tNow\tFrom April\nSingle\t£2.40\t£1.90\nDay\t£5.80\t£4.60\n\nThe council will review them after a year, it said on Thursday evening.\n"
        let article = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "fares.txt")
        let lines = ArticleLayout.lines(for: article, width: 40).map(\.plainText)
        #expect(lines.contains("Ticket │   Now │ From April"))
        #expect(lines.contains("Single │ £2.40 │      £1.90"))
    }
}
