import Foundation
import Testing
@testable import FolioCore

/// The extractor's shortcuts after parsing (the "http" test of a URL, the first-letter check
/// of a source line, runs without links left as they are, plain paragraphs passed over as
/// clipper lines) give what the plain code gave.
struct MarkdownExtractorShortcutsTests {
    static let pieces = ["", "h", "H", "t", "T", "p", "P", "s", "S", ":", "/", " ", "\u{301}", "\u{130}", "\u{212A}", "é", "\r\n", "\n",
                         "http", "HTTP", "https://a.example", "Source:", "URL:", "Original:", "Clipped from:", "Saved from:", "ſ", "\u{A0}"]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test func httpTestMatchesLowercasing() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let url = Self.randomText(&generator)
            #expect(MarkdownExtractor.startsWithHTTP(url) == url.quickLowercased().hasPrefix("http"), "\(Array(url.unicodeScalars))")
        }
        for url in ["", "h", "htt", "http", "HTTP", "HtTp:", "http\u{301}", "Http\r\n", "\u{130}ttp", "https://x"] {
            #expect(MarkdownExtractor.startsWithHTTP(url) == url.quickLowercased().hasPrefix("http"), "\(url)")
        }
    }

    @Test func sourceLineMatchesReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let body: [Block] = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                let text = Self.randomText(&generator)
                return Bool.random(using: &generator) ? .paragraph([Inline(text), Inline(Self.randomText(&generator))]) : .heading(level: 1, [Inline(text)])
            }
            let found = MarkdownExtractor.sourceLine(in: body), reference = Self.referenceSourceLine(in: body)
            #expect(found?.0 == reference?.0 && found?.1 == reference?.1, "\(body)")
        }
    }

    @Test func renumberingMatchesReference() {
        var generator = SystemRandomNumberGenerator()
        let styles: [Inline.Style] = [[], .link, .emphasis, [.link, .strong]]
        for _ in 0..<5000 {
            func runs() -> [Inline] {
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    Inline("a", style: styles.randomElement(using: &generator)!, linkNumber: [nil, nil, 1, 2, 5].randomElement(using: &generator)!)
                }
            }
            let body: [Block] = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                switch Int.random(in: 0...3, using: &generator) {
                case 0: return .paragraph(runs())
                case 1: return .heading(level: 2, runs())
                case 2: return .quote([.paragraph(runs())])
                default: return .table(rows: [[runs(), runs()]], hasHeader: true)
                }
            }
            let urls = Array(["u1", "u2", "u3"].prefix(Int.random(in: 0...3, using: &generator)))
            let new = MarkdownExtractor.renumberLinks(body, urls: urls), old = Self.referenceRenumber(body, urls: urls)
            #expect(new.0 == old.0 && new.1 == old.1, "\(body) \(urls)")
        }
    }

    @Test func clipperLinesMatchReference() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["", " ", "#", "#tag", "# tag", "#a #b", " #a", "\u{301}#a", "Read on Omnivore", "Read Original", "view on x", "a", "é", "\t#x", "Content", "#c #c"]
        for _ in 0..<10000 {
            let body: [Block] = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                let runs = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    Inline(texts.randomElement(using: &generator)!, linkNumber: Bool.random(using: &generator) ? nil : 1)
                }
                return Int.random(in: 0...4, using: &generator) == 0 ? .heading(level: 2, runs) : .paragraph(runs)
            }
            var tags = Bool.random(using: &generator) ? [] : ["c"], referenceTags = tags
            var new = body, old = body
            MarkdownExtractor.dropClipperLines(&new, tags: &tags)
            Self.referenceDropClipperLines(&old, tags: &referenceTags)
            #expect(new == old && tags == referenceTags, "\(body)")
        }
    }

    /// `dropClipperLines` as it was: every paragraph's plain text made and asked.
    static func referenceDropClipperLines(_ body: inout [Block], tags: inout [String]) {
        var index = 0
        while index < min(body.count, 4) {
            if case .heading(_, let text) = body[index], text.plainText.quickLowercased() == "content" {
                body.remove(at: index)
                continue
            }
            guard case .paragraph(let inlines) = body[index], MarkdownExtractor.length(inlines) < 2000 else { index += 1; continue }
            let text = inlines.plainText
            let words = text.first(where: { !$0.isWhitespace }) == "#" ? text.split(whereSeparator: \.isWhitespace) : []
            if !words.isEmpty, words.allSatisfy({ $0.hasPrefix("#") && $0.count > 1 }) {
                tags += words.map { String($0.dropFirst()) }.filter { !tags.contains($0) }
                body.remove(at: index)
                continue
            }
            let links = inlines.filter { $0.linkNumber != nil }
            let allLinks = inlines.allSatisfy { $0.linkNumber != nil || $0.text.allSatisfy(\.isWhitespace) }
            let readLabels = ["read on ", "read original", "view original", "open original", "original article", "view on "]
            if !links.isEmpty, allLinks, links.allSatisfy({ link in readLabels.contains { link.text.quickLowercased().hasPrefix($0) } }) {
                body.remove(at: index)
                continue
            }
            index += 1
        }
    }

    /// `sourceLine` as it was: every label asked of every paragraph.
    static func referenceSourceLine(in body: [Block]) -> (Int, String)? {
        for (index, block) in body.prefix(4).enumerated() {
            guard case .paragraph(let inlines) = block, MarkdownExtractor.length(inlines) < 2000 else { continue }
            let text = inlines.plainText.trimmingSpaces()
            for prefix in ["Source:", "URL:", "Original:", "Clipped from:", "Saved from:"] where text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count).trimmingSpaces()
                if rest.hasPrefix("http"), !rest.contains(" ") { return (index, rest) }
            }
        }
        return nil
    }

    /// `renumberLinks` as it was: every run copied.
    static func referenceRenumber(_ body: [Block], urls: [String]) -> ([Block], [String]) {
        var map: [Int: Int] = [:]
        var kept: [String] = []
        func number(_ old: Int?) -> Int? {
            guard let old, old >= 1, old <= urls.count else { return nil }
            if let n = map[old] { return n }
            kept.append(urls[old - 1])
            map[old] = kept.count
            return kept.count
        }
        func inlines(_ runs: [Inline]) -> [Inline] {
            runs.map { var r = $0; r.linkNumber = number($0.linkNumber); if r.linkNumber == nil { r.style.remove(.link) }; return r }
        }
        func block(_ b: Block) -> Block {
            switch b {
            case .paragraph(let r): return .paragraph(inlines(r))
            case .heading(let level, let r): return .heading(level: level, inlines(r))
            case .quote(let blocks): return .quote(blocks.map(block))
            case .list(let ordered, let start, let items): return .list(ordered: ordered, start: start, items: items.map { $0.map(block) })
            case .table(let rows, let header): return .table(rows: rows.map { $0.map(inlines) }, hasHeader: header)
            case .code, .rule, .image: return b
            }
        }
        return (body.map(block), kept)
    }
}
