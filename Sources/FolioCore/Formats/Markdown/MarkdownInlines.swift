/// Parses Markdown inline text (emphasis, code spans, links, reference links,
/// images, autolinks, escapes, entities, inline HTML) into `Inline` runs.
/// Links get their number from the article's `LinkTable`.
///
/// Works on UTF-8 bytes (every Markdown delimiter is ASCII). Brackets and
/// parentheses are matched once up front, failed searches for a closing
/// delimiter are remembered, and nesting is capped, so the work stays close
/// to linear even on hostile input (a megabyte of `[` or `*a `).
struct MarkdownInlines {
    let links: LinkTable
    let references: [String: String]

    /// Deeper nesting of emphasis, links and HTML is read as plain text.
    static let maxDepth = 12

    func parse(_ text: String) -> [Inline] { parse(bytes: Array(text.utf8)) }

    /// Runs from UTF-8 text.
    func parse(bytes: [UInt8]) -> [Inline] {
        var parser = Parser(bytes: bytes, links: links, references: references)
        var out: [Inline] = []
        parser.parse(0, parser.bytes.count, style: [], link: nil, depth: 0, into: &out)
        return Self.merge(out)
    }

    /// Joins neighbouring runs of the same style; runs with nothing to join or drop
    /// (a plain paragraph's one run) are returned as they are.
    static func merge(_ inlines: [Inline]) -> [Inline] {
        if inlines.count == 1, !inlines[0].text.isEmpty { return inlines }
        return mergeReference(inlines)
    }

    /// `merge` step by step, for any runs.
    static func mergeReference(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines where !inline.text.isEmpty {
            if let last = result.last, last.style == inline.style, last.linkNumber == inline.linkNumber {
                result[result.count - 1].text += inline.text
            } else {
                result.append(inline)
            }
        }
        return result
    }
}

extension MarkdownInlines {
    /// The bytes the parser's switch handles: `\`, `` ` ``, `!`, `[`, `<`, `*`, `_`, `~`.
    @inline(__always)
    static func opensSomething(_ b: UInt8) -> Bool {
        switch b {
        case 0x5C, 0x60, 0x21, 0x5B, 0x3C, 0x2A, 0x5F, 0x7E: return true
        default: return false
        }
    }

    /// The first index in `from..<to` whose byte `opensSomething`, or `to`. Eight bytes at
    /// a time are passed over when each is plainly text: non-ASCII, a space, or in one of
    /// the ranges "\"" to ")", "+" to ";", "=" to "Z", "a" to "}" (no opener is in them);
    /// a word with any other byte is looked at a byte at a time.
    static func firstOpener(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var j = from
        while j + 8 <= to {
            let x = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
            if plainWord(x) { j += 8; continue }
            let stop = j + 8
            while j < stop, !opensSomething(p[j]) { j += 1 }
            if j < stop { return j }
        }
        while j < to, !opensSomething(p[j]) { j += 1 }
        return j
    }

    /// Whether every byte of `x` is non-ASCII, a space, or in one of the ranges above.
    /// Per byte, with the high bit cleared (so no sum carries into the next byte):
    /// b >= lo when b + (0x80 - lo) has the high bit, b <= hi when b + (0x7F - hi) has not.
    @inline(__always)
    static func plainWord(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let low = x & ~highs
        @inline(__always) func within(_ lo: UInt64, _ hi: UInt64) -> UInt64 {
            (low &+ ones &* (0x80 - lo)) & ~(low &+ ones &* (0x7F - hi))
        }
        let plain = x | within(0x20, 0x20) | within(0x22, 0x29) | within(0x2B, 0x3B) | within(0x3D, 0x5A) | within(0x61, 0x7D)
        return plain & highs == highs
    }

    /// `firstOpener` a byte at a time: the reference for the tests.
    static func firstOpenerReference(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        var j = from
        while j < to, !opensSomething(bytes[j]) { j += 1 }
        return j
    }
}

private struct Parser {
    let bytes: [UInt8]
    let links: LinkTable
    let references: [String: String]
    /// Where brackets, parentheses and backtick runs close: found in one pass over the
    /// text the first time a link, image or code span needs them (most paragraphs have none).
    private var tables: MatchTables?
    /// Searches for a closing emphasis run that failed: (byte, run length) -> the earliest start that failed.
    var failedClosers: [CloserKey: Int] = [:]

    struct CloserKey: Hashable { let byte: UInt8; let length: Int; let limit: Int }

    /// Forward searches remembered so that a run of unmatched `<` or `<!--` costs one scan:
    /// the next position found (or nil) and how far the text has been scanned.
    struct SearchCache { var from = -1; var found: Int?; var scannedTo = -1 }
    var searches: [String: SearchCache] = [:]

    init(bytes: [UInt8], links: LinkTable, references: [String: String]) {
        self.bytes = bytes
        self.links = links
        self.references = references
    }

    /// For each "[" the index of its "]", for each "(" the index of its ")".
    var closeBracket: [Int: Int] { mutating get { matchTables().closeBracket } }
    var closeParen: [Int: Int] { mutating get { matchTables().closeParen } }
    /// Positions of backtick runs by run length, for code spans.
    var backtickRuns: [Int: [Int]] { mutating get { matchTables().backtickRuns } }

    private mutating func matchTables() -> MatchTables {
        if let tables { return tables }
        let made = MatchTables(bytes)
        tables = made
        return made
    }

    // MARK: byte classes
    // MARK: byte classes

    func isSpace(_ i: Int) -> Bool { i < 0 || i >= bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A }

    func isAlnum(_ i: Int) -> Bool {
        guard i >= 0, i < bytes.count else { return false }
        let b = bytes[i]
        return b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    func run(from i: Int, of b: UInt8, limit: Int) -> Int {
        var n = 0
        while i + n < limit && bytes[i + n] == b { n += 1 }
        return n
    }

    func string(_ lo: Int, _ hi: Int) -> String {
        guard lo < hi else { return "" }
        return bytes[lo..<hi].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: parsing

    mutating func parse(_ lo: Int, _ hi: Int, style: Inline.Style, link: Int?, depth: Int, into out: inout [Inline]) {
        var text = InlineTextBuffer()
        func flush() {
            if !text.isEmpty { out.append(Inline(HTMLEntities.decode(text.string(bytes)), style: style, linkNumber: link)) }
            text.removeAll()
        }
        let nested = depth < MarkdownInlines.maxDepth
        var i = lo
        while i < hi {
            let c = bytes[i]
            switch c {
            case 0x5C:  // "\"
                if i + 1 < hi, Self.isASCIIPunctuation(bytes[i + 1]) { text.append(i + 1, i + 2, bytes); i += 2; continue }
                if i + 1 < hi, bytes[i + 1] == 0x0A { text.append(i + 1, i + 2, bytes); i += 2; continue }
            case 0x60:  // "`"
                let n = run(from: i, of: 0x60, limit: hi)
                if let close = codeSpanEnd(from: i + n, length: n, limit: hi) {
                    flush()
                    var code = string(i + n, close)
                    if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" "), !code.allSatisfy({ $0 == " " }) { code = String(code.dropFirst().dropLast()) }
                    if code.utf8.contains(0x0A) { code = code.replacingOccurrences(of: "\n", with: " ") }
                    out.append(Inline(code, style: style.union(.code), linkNumber: link))
                    i = close + n
                    continue
                }
                text.append(i, i + n, bytes)
                i += n
                continue
            case 0x21 where i + 1 < hi && bytes[i + 1] == 0x5B:  // "!["
                if let (labelEnd, url, end) = linkParts(at: i + 1, limit: hi) {
                    flush()
                    _ = url  // an image is shown by its description; its file is not a link to follow
                    let alt = TextCleanup.collapseWhitespace(HTMLEntities.decode(plainLabel(i + 2, labelEnd)))
                    out.append(Inline(alt.isEmpty ? "[image]" : "[image: \(alt)]", style: style.union(.emphasis), linkNumber: link))
                    i = end
                    continue
                }
            case 0x5B:  // "["
                if nested, let (labelEnd, url, end) = linkParts(at: i, limit: hi) {
                    flush()
                    let number = url.flatMap { links.number(for: $0) }
                    parse(i + 1, labelEnd, style: number == nil ? style : style.union(.link), link: number ?? link, depth: depth + 1, into: &out)
                    i = end
                    continue
                }
            case 0x3C:  // "<"
                if let result = html(at: i, limit: hi, style: style, link: link, depth: depth) {
                    switch result {
                    case .skip(let end): i = end
                    case .text(let end, let t): text.append(t, bytes); i = end
                    case .inlines(let end, let inlines): flush(); out.append(contentsOf: inlines); i = end
                    }
                    continue
                }
            case 0x2A, 0x5F, 0x7E:  // "*", "_", "~"
                let n = run(from: i, of: c, limit: hi)
                let opens = !isSpace(i + n) && i + n < hi
                let intraword = c == 0x5F && isAlnum(i - 1)
                if nested, opens, !intraword, n <= 3, !(c == 0x7E && n == 1), let close = closer(of: c, length: n, from: i + n, limit: hi) {
                    flush()
                    var inner = style
                    if c == 0x7E { } else if n == 1 { inner.insert(.emphasis) } else if n == 2 { inner.insert(.strong) } else { inner.formUnion([.strong, .emphasis]) }
                    parse(i + n, close, style: inner, link: link, depth: depth + 1, into: &out)
                    i = close + n
                    continue
                }
                text.append(i, i + n, bytes)
                i += n
                continue
            default:
                // A run of bytes that start nothing: copied at once.
                let j = bytes.withUnsafeBufferPointer { MarkdownInlines.firstOpener($0.baseAddress!, from: i + 1, to: hi) }
                text.append(i, j, bytes)
                i = j
                continue
            }
            text.append(i, i + 1, bytes)
            i += 1
        }
        flush()
    }

    /// The start of the backtick run of `length` that closes a code span, before `limit`.
    mutating func codeSpanEnd(from start: Int, length: Int, limit: Int) -> Int? {
        guard let positions = backtickRuns[length] else { return nil }
        // Binary search for the first run at or after `start`.
        var lo = 0, hi = positions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if positions[mid] < start { lo = mid + 1 } else { hi = mid }
        }
        guard lo < positions.count, positions[lo] < limit else { return nil }
        return positions[lo]
    }

    /// A closing emphasis run: the same length, not after a space; code spans hide delimiters.
    mutating func closer(of c: UInt8, length: Int, from start: Int, limit: Int) -> Int? {
        let key = CloserKey(byte: c, length: length, limit: limit)
        if let failed = failedClosers[key], start >= failed { return nil }
        var j = start
        while j < limit {
            let b = bytes[j]
            if b == 0x60 {
                let n = run(from: j, of: 0x60, limit: limit)
                j = (codeSpanEnd(from: j + n, length: n, limit: limit) ?? j) + n
                continue
            }
            if b == c {
                let n = run(from: j, of: c, limit: limit)
                if n == length, !isSpace(j - 1), c != 0x5F || !isAlnum(j + n) { return j }
                j += n
                continue
            }
            j += 1
        }
        failedClosers[key] = min(failedClosers[key] ?? start, start)
        return nil
    }

    /// `[label](url "title")`, `[label][ref]`, `[label][]` or `[label]` at `i`:
    /// the end of the label, the URL (nil for a reference that is not defined) and the index after it.
    mutating func linkParts(at i: Int, limit: Int) -> (Int, String?, Int)? {
        guard let close = closeBracket[i], close < limit else { return nil }
        let next = close + 1
        if next < limit, bytes[next] == 0x28, let end = closeParen[next], end < limit {
            var target = string(next + 1, end).trimmingSpacesAndNewlines()
            if target.hasPrefix("<"), let gt = target.firstIndex(of: ">") {
                target = String(target[target.index(after: target.startIndex)..<gt])
            } else if let space = target.firstIndex(where: { $0 == " " || $0 == "\n" }) {
                target = String(target[..<space])
            }
            return (close, target, end + 1)
        }
        let label = string(i + 1, close)
        if label.hasPrefix("^") { return nil }  // a footnote reference stays as written
        if next < limit, bytes[next] == 0x5B, let refClose = closeBracket[next], refClose < limit {
            let key = Self.referenceKey(string(next + 1, refClose))
            if let url = references[key.isEmpty ? Self.referenceKey(label) : key] { return (close, url, refClose + 1) }
            return nil
        }
        if let url = references[Self.referenceKey(label)] { return (close, url, next) }
        return nil
    }

    static func referenceKey(_ label: String) -> String {
        TextCleanup.collapseWhitespace(label).quickLowercased()
    }

    /// The text of a label without its Markdown (for image alt text).
    func plainLabel(_ lo: Int, _ hi: Int) -> String {
        var out: [UInt8] = []
        var i = lo
        while i < hi {
            let b = bytes[i]
            if b == 0x5C, i + 1 < hi, Self.isASCIIPunctuation(bytes[i + 1]) { out.append(bytes[i + 1]); i += 2; continue }
            if b != 0x2A && b != 0x5F && b != 0x60 { out.append(b) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: inline HTML

    private static let styleTags: [String: Inline.Style] = [
        "b": .strong, "strong": .strong, "i": .emphasis, "em": .emphasis, "cite": .emphasis, "dfn": .emphasis,
        "code": .code, "kbd": .code, "tt": .code, "samp": .code, "var": .emphasis,
    ]
    private static let droppedContent: Set<String> = ["script", "style", "template", "noscript"]

    enum HTMLResult {
        /// Consumed up to the index; nothing to show (a comment, a tag).
        case skip(Int)
        /// Text to add (a line break).
        case text(Int, String)
        /// Runs to add (an autolink, an image, a styled or linked element).
        case inlines(Int, [Inline])
    }

    /// Handles `<…>` at `i`: an autolink, a comment, or an HTML tag. Nil when `<` is just a character.
    mutating func html(at i: Int, limit: Int, style: Inline.Style, link: Int?, depth: Int) -> HTMLResult? {
        // A comment: <!-- … -->
        if i + 3 < limit, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
            guard let end = cachedFind("-->", from: i + 4, limit: limit) else { return nil }
            return .skip(end + 3)
        }
        guard let gt = cachedFind(">", from: i + 1, limit: limit), gt - i <= 2000 else { return nil }
        let inner = string(i + 1, gt)
        let lower = inner.quickLowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:"), !inner.contains(" ") {
            return .inlines(gt + 1, [Inline(inner, style: style.union(.link), linkNumber: links.number(for: inner))])
        }
        guard let tag = Self.tag(inner) else { return nil }
        if tag.closing { return .skip(gt + 1) }  // a closing tag without its opening one
        switch tag.name {
        case "br":
            return .text(gt + 1, "\n")
        case "img":
            let alt = Self.attribute("alt", in: inner).map { TextCleanup.collapseWhitespace(HTMLEntities.decode($0)) } ?? ""
            return .inlines(gt + 1, [Inline(alt.isEmpty ? "[image]" : "[image: \(alt)]", style: style.union(.emphasis), linkNumber: link)])
        default: break
        }
        if Self.droppedContent.contains(tag.name) {
            return .skip(closingTag(tag.name, from: gt + 1, limit: limit)?.1 ?? gt + 1)
        }
        if depth < MarkdownInlines.maxDepth, !tag.selfClosing, tag.name == "a" || Self.styleTags[tag.name] != nil,
           let (closeStart, closeEnd) = closingTag(tag.name, from: gt + 1, limit: limit) {
            var inlines: [Inline] = []
            if tag.name == "a" {
                let number = Self.attribute("href", in: inner).flatMap { links.number(for: HTMLEntities.decode($0)) }
                parse(gt + 1, closeStart, style: number == nil ? style : style.union(.link), link: number ?? link, depth: depth + 1, into: &inlines)
            } else if Self.styleTags[tag.name] == .code {
                inlines.append(Inline(HTMLEntities.decode(string(gt + 1, closeStart)), style: style.union(.code), linkNumber: link))
            } else {
                parse(gt + 1, closeStart, style: style.union(Self.styleTags[tag.name]!), link: link, depth: depth + 1, into: &inlines)
            }
            return .inlines(closeEnd, inlines)
        }
        return .skip(gt + 1)  // any other tag is dropped and its text kept
    }

    /// `div class="x"` -> ("div", closing: false); `/span` -> ("span", closing: true). Nil when not a tag.
    static func tag(_ inner: String) -> (name: String, closing: Bool, selfClosing: Bool)? {
        var rest = Substring(inner)
        let closing = rest.hasPrefix("/")
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard let first = name.first, first.isLetter, name.count <= 20 else { return nil }
        let after = rest.dropFirst(name.count)
        guard after.isEmpty || after.first == " " || after.first == "/" || after.first == "\n" || after.first == "\t" else { return nil }
        return (name.quickLowercased(), closing, inner.hasSuffix("/"))
    }

    /// The value of `name="…"` (or '…', or bare) in a tag's text.
    static func attribute(_ name: String, in tag: String) -> String? {
        let lower = tag.quickLowercased()
        var search = lower.startIndex
        while let range = lower.range(of: name, range: search..<lower.endIndex) {
            search = range.upperBound
            guard range.lowerBound > lower.startIndex, lower[lower.index(before: range.lowerBound)].isWhitespace else { continue }
            var rest = tag[range.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            if let q = rest.first, q == "\"" || q == "'" {
                let body = rest.dropFirst()
                return body.firstIndex(of: q).map { String(body[..<$0]) }
            }
            return String(rest.prefix { !$0.isWhitespace && $0 != ">" })
        }
        return nil
    }

    /// The next occurrence of `needle` at or after `start` and before `limit`, remembering
    /// the search so that later searches from further on do not scan the same text again.
    mutating func cachedFind(_ needle: String, from start: Int, limit: Int) -> Int? {
        let key = needle
        var cache = searches[key] ?? SearchCache()
        if cache.from >= 0, start >= cache.from {
            if let found = cache.found, found >= start { return found < limit ? found : nil }
            if cache.found == nil, limit <= cache.scannedTo { return nil }
        }
        let bytes = Array(needle.utf8)
        let end = bytes.count == 1 ? findByte(bytes[0], from: start, limit: self.bytes.count) : find(bytes, from: start, limit: self.bytes.count)
        cache = SearchCache(from: start, found: end, scannedTo: self.bytes.count)
        searches[key] = cache
        guard let end, end < limit else { return nil }
        return end
    }

    /// `</name>`, with the search remembered per tag name.
    mutating func closingTag(_ name: String, from start: Int, limit: Int) -> (Int, Int)? {
        let key = "</" + name
        if let cache = searches[key], cache.from >= 0, start >= cache.from {
            if let found = cache.found, found >= start {
                return found < limit ? findClosingTag(name, from: found, limit: limit) : nil
            }
            if cache.found == nil { return nil }
        }
        let result = findClosingTag(name, from: start, limit: bytes.count)
        searches[key] = SearchCache(from: start, found: result?.0, scannedTo: bytes.count)
        guard let result, result.1 <= limit else { return nil }
        return result
    }

    func findByte(_ b: UInt8, from start: Int, limit: Int) -> Int? {
        var j = start
        while j < limit { if bytes[j] == b { return j }; j += 1 }
        return nil
    }

    func find(_ needle: [UInt8], from start: Int, limit: Int) -> Int? {
        var j = start
        while j + needle.count <= limit {
            if bytes[j] == needle[0], bytes[j..<(j + needle.count)].elementsEqual(needle) { return j }
            j += 1
        }
        return nil
    }

    /// `</name>` after `start` (case-insensitive, within a bounded distance): its start and the index after it.
    func findClosingTag(_ name: String, from start: Int, limit: Int) -> (Int, Int)? {
        let needle = Array("</\(name)".utf8)
        var j = start
        let end = limit
        while j + needle.count < end {
            if bytes[j] == 0x3C, bytes[j + 1] == 0x2F {
                var k = 2
                while k < needle.count, bytes[j + k] | 0x20 == needle[k] { k += 1 }
                if k == needle.count, bytes[j + k] == 0x3E || bytes[j + k] == 0x20, let gt = findByte(0x3E, from: j + k, limit: min(end, j + k + 20)) { return (j, gt + 1) }
            }
            j += 1
        }
        return nil
    }
}

/// The brackets, parentheses and backtick runs of a paragraph's bytes, matched in one pass.
struct MatchTables {
    /// For each "[" the index of its "]", for each "(" the index of its ")".
    var closeBracket: [Int: Int] = [:]
    var closeParen: [Int: Int] = [:]
    /// Positions of backtick runs by run length, for code spans.
    var backtickRuns: [Int: [Int]] = [:]

    init(_ bytes: [UInt8]) {
        var brackets: [Int: Int] = [:], parens: [Int: Int] = [:], runs: [Int: [Int]] = [:]
        var openBrackets: [Int] = [], openParens: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                // Only "\\", "[", "]", "(", ")" and "`" matter here: all others are skipped at once.
                guard b == 0x5C || b == 0x5B || b == 0x5D || b == 0x28 || b == 0x29 || b == 0x60 else { i += 1; continue }
                switch b {
                case 0x5C: i += 1  // backslash escapes the next byte
                case 0x5B: openBrackets.append(i)
                case 0x5D: if let open = openBrackets.popLast() { brackets[open] = i }
                case 0x28: openParens.append(i)
                case 0x29: if let open = openParens.popLast() { parens[open] = i }
                default:  // "`"
                    var j = i
                    while j < n && bytes[j] == 0x60 { j += 1 }
                    runs[j - i, default: []].append(i)
                    i = j - 1
                }
                i += 1
            }
        }
        closeBracket = brackets
        closeParen = parens
        backtickRuns = runs
    }
}
