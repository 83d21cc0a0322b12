import Foundation

/// Plain-text page dumps: the text of a whole saved web page. Finds the body as
/// the run of units with the most article-like text (length, sentence
/// punctuation, stopwords), cut at cue phrases ("Related stories", "© 2026")
/// in several languages; then walks back from the body for the date, byline,
/// subtitle and title, and scans the page for the source. A file without any
/// site chrome (a title line, a blank line, paragraphs) comes through whole.
public struct PlainTextExtractor: ArticleExtractor {
    public init() {}

    public func extract(from bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        // Blank files are refused before decoding (cheap even at many megabytes).
        if bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { throw .empty }
        let (text, note) = try Extractors.decodeText(bytes)
        let (matter, rest) = FrontMatter.split(text)
        var units = TextLines.units(of: String(rest))
        var fields = Self.leadingFields(&units)
        if let fm = matter {
            let authors = fm.list("author", "authors", "byline", "creator")
            let found: [String: String?] = [
                "title": fm.string("title", "headline"), "author": authors.isEmpty ? nil : authors.joined(separator: ", "),
                "date": fm.string("published", "date_published", "date", "created", "date_saved"),
                "url": fm.string("url", "original_url", "link", "canonical"), "source": fm.string("source"),
                "site": fm.string("site_name", "site", "publisher"), "subtitle": fm.string("description", "excerpt", "subtitle"),
            ]
            for case let (key, value?) in found where fields[key] == nil { fields[key] = value }
        }
        let notes = note.map { [$0] } ?? []

        guard !units.isEmpty else {
            guard let title = fields["title"] else { throw .empty }
            return Article(title: title, author: fields["author"], date: fields["date"].flatMap(DateParser.find(in:)),
                           source: fields["site"], url: fields["url"], format: .text, notes: notes)
        }

        var header = HeaderParts()
        var body: [Block]
        var blockWords: [Int] = []  // each block's `wordCount`
        var bodyRange: ClosedRange<Int>?
        var headerEnd: Int
        if units.contains(where: { $0.kind == .chrome || $0.kind == .end }) {
            BodyFinder.markTeasers(&units)
            let bylines = BylineMemo(units)
            let found = BodyFinder.find(units, bylines: bylines)
            let navigation = Set(units[..<found.start].filter { $0.words <= 3 }.map(\.normalized))
            header.read(units, before: found.dek ?? found.start, navigation: navigation, candidates: found.dek == nil ? 2 : 1, bylines: bylines)
            if let dek = found.dek { header.subtitle = units[dek].text }
            bodyRange = found.start <= found.end ? found.start...found.end : nil
            (body, blockWords) = bodyRange.map { Self.blocksAndWords(units, $0) } ?? ([], [])
            headerEnd = header.titleIndex ?? found.start
        } else {
            let start = Self.readCleanHeader(units, into: &header)
            bodyRange = start < units.count ? start...(units.count - 1) : nil
            (body, blockWords) = bodyRange.map { Self.blocksAndWords(units, $0) } ?? ([], [])
            headerEnd = start
        }
        // A dek or title repeated as the first paragraph is shown once.
        for repeated in [header.title, header.subtitle] {
            if case .paragraph(let first)? = body.first, first.plainText == repeated, body.count > 1 {
                body.removeFirst()
                blockWords.removeFirst()
            }
        }

        var title = fields["title"] ?? header.title
        var source = fields["site"] ?? fields["source"].flatMap { HeaderParts.isURL($0) ? nil : $0 }
        if let t = title, let split = Self.splitSite(t) {
            title = split.title
            if source == nil { source = split.site }
        }
        let url = fields["url"] ?? fields["source"].flatMap { HeaderParts.isURL($0) ? $0 : nil }
            ?? header.url ?? Attribution.url(in: units, body: bodyRange)
        let top = 0..<max(headerEnd, 1)
        if source == nil { source = Attribution.source(in: units, body: bodyRange, header: top) }
        if source == nil { source = url.flatMap(SourceName.fromURL) }
        if let domain = source, let pretty = Attribution.prettyName(for: domain, in: units, header: top) { source = pretty }
        let date = fields["date"].flatMap(DateParser.find(in:)) ?? header.date
            ?? Self.anyDate(units, before: bodyRange?.lowerBound ?? 0) ?? url.flatMap(Self.dateInURL)

        var article = Article(
            title: title ?? Extractors.title(fromFileName: fileName),
            subtitle: fields["subtitle"] ?? header.subtitle, author: fields["author"].map(Byline.nameCase) ?? header.author, date: date,
            source: source, url: url, body: body, format: .text, notes: notes)
        article.countedWords.value = blockWords.reduce(0, +)
        return article
    }

    // MARK: header of a file without chrome

    /// A file with no site chrome: the first line is the title when it looks like one,
    /// then any byline, date or URL lines, then (in the title's block) a subtitle
    /// that is not a sentence; everything else is body.
    static func readCleanHeader(_ units: [TextUnit], into header: inout HeaderParts) -> Int {
        guard units.count >= 2, isTitleCandidate(units[0]) else { return 0 }
        header.title = units[0].text
        header.titleIndex = 0
        var s = 1
        while s < units.count - 1, header.readMeta(units[s]) { s += 1 }
        if s < units.count - 1, units[s].group == units[0].group, units[s + 1].group != units[s].group,
           !units[s].endsSentence, units[s].words <= 40, !units[s].isListItem {
            header.subtitle = units[s].text
            s += 1
            while s < units.count - 1, header.readMeta(units[s]) { s += 1 }
        }
        return s
    }

    static func isTitleCandidate(_ unit: TextUnit) -> Bool {
        unit.words >= 1 && unit.words <= 25 && unit.sentences <= 1 && !(unit.text.hasSuffix(".") && unit.words > 12)
            && !unit.isListItem && unit.kind != .table
    }

    /// "Title: …", "URL: …", "Author: …", "Date: …" lines at the very top of the file
    /// (as some save-as-text tools write them); removed from the units.
    static func leadingFields(_ units: inout [TextUnit]) -> [String: String] {
        let keys = leadingFieldKeys
        var fields: [String: String] = [:]
        var count = 0
        for unit in units.prefix(8) {
            // A Character ":" is the byte 0x3A: a line without that byte is not searched by Character.
            guard unit.words <= 40, unit.text.containsByte(0x3A), let colon = unit.text.firstIndex(of: ":") else { break }
            let key = unit.text[..<colon].quickLowercased().trimmingSpaces()
            let value = unit.text[unit.text.index(after: colon)...].trimmingSpaces()
            guard let name = keys[key], !value.isEmpty else { break }
            if fields[name] == nil { fields[name] = value }
            count += 1
        }
        guard count >= 2 else { return [:] }
        units.removeFirst(count)
        return fields
    }

    /// The labels `leadingFields` reads, each with the field it fills (made once, not per file).
    private static let leadingFieldKeys: [String: String] = [
        "title": "title", "titel": "title", "titre": "title", "título": "title", "headline": "title",
        "url": "url", "link": "url", "source": "source", "original": "url", "canonical": "url",
        "author": "author", "authors": "author", "by": "author", "autor": "author", "auteur": "author",
        "date": "date", "published": "date", "datum": "date", "fecha": "date", "saved": "saved",
        "site": "site", "site name": "site", "publication": "site", "publisher": "site",
    ]

    /// "Headline | Site" -> ("Headline", "Site"), only for the bar, which headlines don't use.
    static func splitSite(_ title: String) -> (title: String, site: String)? {
        let simple = SimpleCharacters.all(title)
        for separator in [" | ", " :: "] {
            // In simple text Foundation's search matches exactly the bytes of an ASCII separator.
            guard let range = simple ? title.lastUTF8Range(of: separator) : title.range(of: separator, options: .backwards) else { continue }
            let head = title[..<range.lowerBound].trimmingSpaces()
            let tail = title[range.upperBound...].trimmingSpaces()
            if head.count >= tail.count, !tail.isEmpty, tail.split(separator: " ").count <= 5 { return (head, tail) }
        }
        return nil
    }

    // MARK: body blocks

    static func blocks(_ units: [TextUnit], _ range: ClosedRange<Int>) -> [Block] { blocksAndWords(units, range).blocks }

    /// The body's blocks, and each one's `wordCount`: a paragraph or heading of a unit measured
    /// whole has its unit's words (counted as `WordCount` counts); other blocks are counted.
    static func blocksAndWords(_ units: [TextUnit], _ range: ClosedRange<Int>) -> (blocks: [Block], words: [Int]) {
        let dropped = repeatedUnits(units, range)
        var body: [Block] = []
        var words: [Int] = []
        var index = range.lowerBound
        while index <= range.upperBound {
            let unit = units[index]
            index += 1
            if unit.kind == .chrome || dropped.contains(index - 1) { continue }
            let count = body.count
            defer {
                if body.count > count {
                    let block = body[body.count - 1]
                    switch block {
                    case .paragraph, .heading: words.append(unit.text.utf8.count <= TextUnit.sampleBytes ? unit.words : block.wordCount)
                    default: words.append(block.wordCount)
                    }
                }
            }
            if unit.kind == .table {
                body.append(.table(rows: unit.rows.map { $0.map { [Inline($0)] } }, hasHeader: true))
            } else if let (ordered, start, first) = orderedOrBullet(unit.text) {
                var items = [[Block.text(first)]]
                while index <= range.upperBound, let next = orderedOrBullet(units[index].text), next.0 == ordered {
                    items.append([.text(next.2)])
                    index += 1
                }
                body.append(.list(ordered: ordered, start: start, items: items))
            } else if unit.text.hasPrefix("> ") {
                var quoted = [String(unit.text.dropFirst(2))]
                while index <= range.upperBound, units[index].text.hasPrefix("> ") {
                    quoted.append(String(units[index].text.dropFirst(2)))
                    index += 1
                }
                body.append(.quote(quoted.map(Block.text)))
            } else if isSubheading(units, at: index - 1, in: range) {
                body.append(.heading(level: 2, [Inline(unit.text)]))
            } else {
                body.append(.text(unit.text))
            }
        }
        return (body, words)
    }

    /// A short line between paragraphs that introduces the ones below it.
    static func isSubheading(_ units: [TextUnit], at i: Int, in range: ClosedRange<Int>) -> Bool {
        let unit = units[i]
        guard i > range.lowerBound, unit.kind == .short || unit.isAllCaps && unit.kind == .medium, unit.words <= 14,
              !unit.endsSentence || unit.text.hasSuffix("?") && unit.words <= 10 else { return false }
        var next = i + 1
        while next <= range.upperBound, units[next].kind == .chrome { next += 1 }
        return next <= range.upperBound && (units[next].kind == .good || units[next].kind == .medium || units[next].isShortProse)
    }

    /// Pull quotes: a sentence in quotation marks, set large, that repeats part of a
    /// longer paragraph nearby.
    static func repeatedUnits(_ units: [TextUnit], _ range: ClosedRange<Int>) -> Set<Int> {
        var dropped: Set<Int> = []
        var keys: [Int: String] = [:]  // the letters of each unit compared, made once
        func letters(_ i: Int) -> String {
            if let key = keys[i] { return key }
            let key = Attribution.letters(units[i].text)
            keys[i] = key
            return key
        }
        for i in range where units[i].kind != .chrome && units[i].kind != .table {
            let unit = units[i]
            guard unit.words >= 4, unit.words <= 45, let b = unit.text.utf8.first, b >= 0x80 || b == 0x22 || b == 0x27,
                  let first = unit.text.first, "\"“„«‘'".contains(first) else { continue }
            let key = letters(i)
            guard key.count >= 20 else { continue }
            let nearby = max(range.lowerBound, i - 20)...min(range.upperBound, i + 20)
            // Keys are ASCII letters and digits, so a byte search finds what Foundation's would.
            if nearby.contains(where: { $0 != i && units[$0].text.utf8.count > unit.text.utf8.count && letters($0).utf8Range(of: key) != nil }) {
                dropped.insert(i)
            }
        }
        return dropped
    }

    static let bullets = ["- ", "• ", "* ", "· ", "– ", "▪ ", "◦ ", "‣ "]
    private static let bulletBytes = bullets.map { Array($0.utf8) }

    static func listItem(_ text: String) -> String? {
        guard let b = text.utf8.first, b == 0x2D || b == 0x2A || b >= 0xC2 else { return nil }
        for bullet in bullets where text.hasPrefix(bullet) { return String(text.dropFirst(bullet.count)) }
        return nil
    }

    /// `listItem(text) != nil` for simple text given as bytes: each bullet is one scalar
    /// and a space, so `hasPrefix` is a byte comparison.
    static func isListItem(simple bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = bytes.first, b == 0x2D || b == 0x2A || b >= 0xC2 else { return false }
        return bulletBytes.contains { bullet in bullet.count <= bytes.count && bullet.indices.allSatisfy { bytes[$0] == bullet[$0] } }
    }

    /// A bulleted item, or a numbered one ("1. ", "2) ").
    static func orderedOrBullet(_ text: String) -> (Bool, Int, String)? {
        if let item = listItem(text) { return (false, 1, item) }
        guard let b = text.utf8.first, b >= 0x30 && b <= 0x39 else { return nil }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        let after = text.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        let rest = after.dropFirst(2)
        guard let f = rest.first, !f.isNumber else { return nil }
        return (true, Int(digits) ?? 1, String(rest))
    }

    static func anyDate(_ units: [TextUnit], before start: Int) -> Date? {
        units[max(0, start - 40)..<min(start, units.count)].lazy.filter { $0.words <= 12 }.compactMap { DateParser.find(in: $0.text) }.first
    }

    /// "https://example.org/2026/02/14/slug" -> 14 February 2026.
    static func dateInURL(_ url: String) -> Date? {
        let parts = url.split(separator: "/").map(String.init)
        for i in parts.indices.dropLast(2) {
            guard parts[i].count == 4, let y = Int(parts[i]), parts[i + 1].count == 2, let m = Int(parts[i + 1]),
                  parts[i + 2].count == 2, let d = Int(parts[i + 2]) else { continue }
            return DateParser.make(y, m, d)
        }
        return nil
    }
}
