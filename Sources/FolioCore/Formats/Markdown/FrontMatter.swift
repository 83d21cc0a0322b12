import Foundation

/// The YAML front matter that web clippers write, read as a small YAML subset:
/// `key: value`, quoted values, block scalars (`title: >` then indented lines,
/// as Omnivore writes them), `key:` followed by `- item` lines, inline
/// `[a, b]` lists, and `"[[Wiki Link]]"` values. Anything else is ignored, so
/// broken front matter never stops the article from loading: a block that is
/// never closed is read up to its first line that is not YAML.
public struct FrontMatter: Equatable, Sendable {
    public var values: [String: [String]] = [:]

    public init() {}

    public func string(_ keys: String...) -> String? {
        for key in keys { if let v = values[key]?.first(where: { !$0.isEmpty }) { return v } }
        return nil
    }

    public func list(_ keys: String...) -> [String] {
        for key in keys { if let v = values[key], !v.isEmpty { return v.filter { !$0.isEmpty } } }
        return []
    }

    /// Front matter longer than this many lines is not looked for further.
    static let maxLines = 1000

    /// Splits `text` into front matter and the rest, when it starts with `---`.
    public static func split(_ text: String) -> (FrontMatter?, Substring) {
        guard text.hasPrefix("---") || text.hasPrefix("\u{FEFF}---") else { return (nil, text[...]) }
        // Lines are found only as far as the closing "---": the body below it is never scanned here.
        var lines = LineBreaks(text)
        lines.scan(upTo: 1)
        guard !lines.spans.isEmpty, lines.line(0).trimmingSpaces().trimmingScalars(in: "\u{FEFF}") == "---" else {
            return (nil, text[...])
        }
        var k = 1
        while k <= maxLines {
            lines.scan(upTo: k + 1)
            guard k < lines.spans.count else { break }
            let line = lines.line(k)
            if mayClose(line), case let t = line.trimmingSpaces(), t == "---" || t == "..." {
                let inner = (1..<k).map { lines.line($0) }
                let matter = parse(inner[...])
                // "---" then prose then "---" is two rules around a paragraph, not front matter.
                if matter.values.isEmpty, inner.contains(where: { !$0.allSatisfy(\.isWhitespace) && !looksLikeYAML($0) }) { return (nil, text[...]) }
                return (matter, text[lines.index(lines.spans[k].next)...])
            }
            k += 1
        }
        // Never closed: the YAML-looking lines at the top are the front matter.
        var end = 1
        while end < lines.spans.count, looksLikeYAML(lines.line(end)) { end += 1 }
        let matter = parse((1..<end).map { lines.line($0) }[...])
        guard !matter.values.isEmpty else { return (nil, text[...]) }
        return (matter, end < lines.spans.count ? text[lines.index(lines.spans[end - 1].next)...] : text[text.endIndex...])
    }

    /// Whether a line can be "---" or "..." once trimmed: not when it starts or ends with
    /// an ASCII byte other than those and space or tab (nothing else is trimmed).
    static func mayClose(_ line: Substring) -> Bool {
        guard let first = line.utf8.first, let last = line.utf8.last else { return false }
        func possible(_ b: UInt8) -> Bool { b >= 0x80 || b == 0x20 || b == 0x09 || b == 0x2D || b == 0x2E }
        return possible(first) && possible(last)
    }

    /// `trimmingSpaces()`, with spaces and tabs cut on bytes: once both ends are ASCII
    /// other than those, nothing else would be trimmed. Other ends go the scalar way.
    static func trimSpaces(_ text: Substring) -> String {
        let cut: String?? = text.utf8.withContiguousStorageIfAvailable { b in
            var lo = 0, hi = b.count
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            if lo == hi { return "" }
            guard b[lo] < 0x80, b[hi - 1] < 0x80 else { return nil }
            // Cut at ASCII bytes of valid text: the bytes between are valid UTF-8.
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        if let cut, let cut { return cut }
        return text.trimmingSpaces()
    }

    /// `line.first == " " || line.first == "\t"`, on bytes when the byte after is ASCII
    /// (then the first Character is that one byte: no mark joins it).
    static func startsIndented(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        guard let first = utf8.first, first == 0x20 || first == 0x09 else { return false }
        let second = utf8.index(after: utf8.startIndex)
        if second == utf8.endIndex || utf8[second] < 0x80 { return true }
        return line.first == " " || line.first == "\t"
    }

    /// `key: value`, `- item`, or an indented continuation line.
    static func looksLikeYAML(_ line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces()
        if trimmed.isEmpty { return false }
        if line.first == " " || line.first == "\t" || trimmed.hasPrefix("- ") || trimmed == "-" || trimmed.hasPrefix("#") { return true }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let key = trimmed[..<colon]
        return !key.isEmpty && key.count <= 40 && !key.contains(" ") || key.count <= 20 && key.split(separator: " ").count <= 2
    }

    static func parse(_ lines: ArraySlice<Substring>) -> FrontMatter {
        var matter = FrontMatter()
        matter.values.reserveCapacity(16)  // clippers write about ten keys: no growing as they come
        var currentKey: String?
        /// A block scalar (`|` or `>`) or a plain value continued on indented lines;
        /// `split` is set for a plain value, already split into the key's values.
        var block: (key: String, literal: Bool, lines: [String], split: Bool)?

        func finishBlock() {
            guard let b = block else { return }
            // A plain value of one line that starts and ends with printable ASCII other than
            // a space: the trimmed join below would be that line again, so nothing changes.
            if b.split, b.lines.count == 1, let f = b.lines[0].utf8.first, let l = b.lines[0].utf8.last,
               f > 0x20, f < 0x7F, l > 0x20, l < 0x7F { block = nil; return }
            let joined = b.literal ? b.lines.joined(separator: "\n") : b.lines.joined(separator: " ")
            let value = joined.trimmingSpacesAndNewlines()
            // A plain value that did not go on: its values are the ones already there.
            if b.split && value.utf8.elementsEqual(b.lines[0].utf8) { block = nil; return }
            if !clean(value).isEmpty { matter.values[b.key] = splitWikiLinks(value) }
            block = nil
        }

        for line in lines {
            let trimmed = trimSpaces(line)
            let indented = startsIndented(line)
            if block != nil {
                if indented || trimmed.isEmpty { block!.lines.append(trimmed); continue }
                finishBlock()
            }
            if trimmed.isEmpty || trimmed.hasASCIIPrefix("#") { continue }
            if trimmed.hasASCIIPrefix("- ") || trimmed == "-", let key = currentKey {
                matter.values[key, default: []].append(clean(String(trimmed.dropFirst(1))))
                continue
            }
            guard !indented, let colon = line.firstIndex(ofASCII: 0x3A) else { continue }
            let key = trimSpaces(line[..<colon]).quickLowercased()
            guard !key.isEmpty else { continue }
            // The colon is one byte standing alone (`firstIndex(ofASCII:)`): the value starts at the next byte.
            let value = trimSpaces(line[line.utf8.index(after: colon)...])
            currentKey = key
            // "|" and ">" have no canonical twins: a value not starting with either byte
            // does not start with either Character.
            if let b = value.utf8.first, b == 0x7C || b == 0x3E, let indicator = value.first, indicator == "|" || indicator == ">",
               value.dropFirst().allSatisfy({ "+-0123456789 ".contains($0) }) {
                matter.values[key] = []
                block = (key, indicator == "|", [], false)
            } else if value.isEmpty {
                matter.values[key] = []
            } else if value.utf8.first == 0x5B, value.hasPrefix("["), value.hasSuffix("]"), !(value.hasPrefix("[[") && value.hasSuffix("]]")) {
                matter.values[key] = splitInlineList(String(value.dropFirst().dropLast())).map(clean)
            } else {
                matter.values[key] = splitWikiLinks(value)
                if !value.hasASCIIPrefix("\""), !value.hasASCIIPrefix("'") { block = (key, false, [value], true) }  // may continue on indented lines
            }
        }
        finishBlock()
        return matter
    }

    /// `a, "b, c", d` -> ["a", "\"b, c\"", "d"]: commas inside quotes stay.
    static func splitInlineList(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "[" {
                depth += 1
                current.append(c)
            } else if c == "]" {
                depth -= 1
                current.append(c)
            } else if c == ",", depth <= 0 {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        items.append(current)
        return items.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// "[[Ana Ruiz]], [[Priya Raman]]" -> two names; anything else is one cleaned value.
    static func splitWikiLinks(_ value: String) -> [String] {
        FrontMatterValue.oneValue(value) ?? splitWikiLinksCharacters(value)
    }

    /// `splitWikiLinks` by Character, for any text.
    static func splitWikiLinksCharacters(_ value: String) -> [String] {
        var v = value.trimmingSpaces()
        if !v.dropFirst().isEmpty, let f = v.first, f == "\"" || f == "'", v.last == f { v = String(v.dropFirst().dropLast()) }
        guard v.utf8Range(of: "]],") != nil, v.contains("]], [[") || v.contains("]],[[") else { return [clean(value)] }
        return v.components(separatedBy: ",").map { clean($0) }.filter { !$0.isEmpty }
    }

    /// Removes quotes and wiki-link brackets: `"[[Ana Ruiz]]"` -> `Ana Ruiz`.
    static func clean(_ value: String) -> String {
        FrontMatterValue.clean(value) ?? cleanCharacters(value)
    }

    /// `clean` by Character, for any text.
    static func cleanCharacters(_ value: String) -> String {
        var v = value.trimmingSpaces()
        if !v.dropFirst().isEmpty, let f = v.first, let l = v.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            v = String(v.dropFirst().dropLast())
            // Foundation's replacing is only asked when the bytes to replace are there.
            let escaped = f == "'" ? "''" : "\\\""
            if v.utf8Range(of: escaped) != nil { v = v.replacingOccurrences(of: escaped, with: f == "'" ? "'" : "\"") }
        }
        v = v.trimmingSpaces()
        if v.hasPrefix("[["), v.hasSuffix("]]") {
            v = String(v.dropFirst(2).dropLast(2))
            if let bar = v.firstIndex(of: "|") { v = String(v[v.index(after: bar)...]) }
        }
        // Broken YAML: a quote or wiki link that was opened and never closed.
        if v.first == "\"", !v.dropFirst().contains("\"") { v.removeFirst() }
        if v.last == "\"", !v.dropLast().contains("\"") { v.removeLast() }
        if v.hasPrefix("[["), !v.contains("]]") { v = String(v.dropFirst(2)) }
        return v.trimmingSpaces()
    }
}
