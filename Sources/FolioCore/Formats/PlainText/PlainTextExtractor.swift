import Foundation

/// Plain-text page dumps: the text of a whole saved web page. Finds the body as
/// the run of lines with the most article-like text (length, sentence
/// punctuation, stopwords), cut at cue phrases ("Related stories", "© 2026")
/// in several languages; then walks back from the body for the date, byline,
/// subtitle and title, and scans the page for the source.
public struct PlainTextExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        let (text, note) = try Extractors.decodeText(bytes)
        let units = Self.units(of: text)
        guard !units.isEmpty else { throw .empty }

        let (start, end) = Self.bodyRange(units)
        var header = HeaderParts()
        header.read(units, before: start)
        var body: [Block] = []
        var index = start
        while index <= end {
            let unit = units[index]
            index += 1
            if unit.kind == .chrome { continue }
            if let item = Self.listItem(unit.text) {
                var items = [[Block.text(item)]]
                while index <= end, let next = Self.listItem(units[index].text) { items.append([.text(next)]); index += 1 }
                body.append(.list(ordered: false, start: 1, items: items))
            } else if unit.kind == .short, unit.words <= 12, !unit.endsSentence, index <= end, units[index].kind == .good || units[index].kind == .medium {
                body.append(.heading(level: 2, [Inline(unit.text)]))
            } else {
                body.append(.text(unit.text))
            }
        }
        // A dek or byline the walk-back took as title must not be repeated in the body.
        if case .paragraph(let first)? = body.first, first.plainText == header.title { body.removeFirst() }

        let source = Attribution.source(in: units) ?? header.url.flatMap(SourceName.fromURL)
        return Article(
            title: header.title ?? Extractors.title(fromFileName: fileName),
            subtitle: header.subtitle, author: header.author, date: header.date ?? Self.anyDate(units, before: start),
            source: source, url: header.url ?? Attribution.url(in: units),
            body: body, format: .text, notes: note.map { [$0] } ?? [])
    }

    /// Lines, or whole paragraphs when the file is hard-wrapped (every line of a
    /// blank-line separated group is part of one paragraph).
    static func units(of text: String) -> [TextUnit] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { TextCleanup.collapseWhitespace(String($0)) }
        var groups: [[String]] = [[]]
        for line in lines {
            if line.isEmpty { if !groups.last!.isEmpty { groups.append([]) } } else { groups[groups.count - 1].append(line) }
        }
        let longest = lines.map(\.count).max() ?? 0
        let hardWrapped = longest <= 100 && groups.filter { $0.count >= 3 }.count >= 2
        var units: [TextUnit] = []
        for group in groups where !group.isEmpty {
            if hardWrapped && group.count > 1 && group.dropLast().allSatisfy({ $0.count >= 35 }) {
                units.append(TextUnit(group.joined(separator: " ")))
            } else {
                units.append(contentsOf: group.map(TextUnit.init))
            }
        }
        return units
    }

    /// The best-scoring run of units that crosses no end cue (maximum subarray).
    static func bodyRange(_ units: [TextUnit]) -> (Int, Int) {
        var best = (score: -Double.infinity, start: 0, end: -1)
        var current = 0.0
        var currentStart = 0
        for (i, unit) in units.enumerated() {
            if unit.kind == .end { current = 0; currentStart = i + 1; continue }
            if current <= 0 { current = 0; currentStart = i }
            current += unit.score
            if current > best.score && unit.kind != .chrome && unit.kind != .short { best = (current, currentStart, i) }
        }
        guard best.end >= 0 else {
            // No article-like text at all: show everything that is not chrome.
            let kept = units.indices.filter { units[$0].kind != .chrome && units[$0].kind != .end }
            return (kept.first ?? 0, kept.last ?? units.count - 1)
        }
        var start = best.start
        while start < best.end, units[start].kind == .chrome || units[start].kind == .short && units[start + 1].kind != .good {
            start += 1
        }
        return (start, best.end)
    }

    static func listItem(_ text: String) -> String? {
        for bullet in ["- ", "• ", "* ", "· ", "– "] where text.hasPrefix(bullet) { return String(text.dropFirst(bullet.count)) }
        return nil
    }

    static func anyDate(_ units: [TextUnit], before start: Int) -> Date? {
        units.prefix(start).lazy.filter { $0.words <= 12 }.compactMap { DateParser.find(in: $0.text) }.first
    }
}
