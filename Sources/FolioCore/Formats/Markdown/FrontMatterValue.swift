/// `FrontMatter.clean` and the first steps of `splitWikiLinks` on the UTF-8 bytes
/// of simple text (`SimpleCharacters`): there every Character is one scalar with
/// no canonical twin, and the marks looked for (quotes, brackets, "|") are ASCII,
/// so taking Characters off the ends or finding one is the same as doing it to bytes.
/// The only spaces `trimmingSpaces` removes from simple text are " ", tab and U+00A0
/// (the tests check every simple scalar).
enum FrontMatterValue {
    /// `FrontMatter.clean(value)`, or nil when the value is not simple text.
    static func clean(_ value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes -> String? in
            guard SimpleCharacters.all(bytes) else { return nil }
            return String(decoding: clean(bytes[...]), as: UTF8.self)
        }
    }

    /// True when `FrontMatter.splitWikiLinks(value)` is `[clean(value)]`: the value
    /// (unquoted) has no "]]," in it. Nil when the value is not simple text.
    static func isOneValue(_ value: String) -> Bool? {
        var value = value
        return value.withUTF8 { bytes -> Bool? in
            guard SimpleCharacters.all(bytes) else { return nil }
            return !contains(unquoted(trimmed(bytes[...])), [0x5D, 0x5D, 0x2C])
        }
    }

    static func clean(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var v = Array(trimmed(value))
        if v.count >= 2, let f = v.first, f == 0x22 || f == 0x27, v.last == f {
            v = Array(v.dropFirst().dropLast())
            // '' in single quotes and \" in double quotes stand for the quote.
            let escaped: [UInt8] = f == 0x27 ? [0x27, 0x27] : [0x5C, 0x22]
            if contains(v[...], escaped) { v = replacing(escaped, with: f, in: v) }
        }
        var s = trimmed(v[...])
        if s.starts(with: [0x5B, 0x5B]), s.reversed().starts(with: [0x5D, 0x5D]) {
            s = s.dropFirst(2).dropLast(2)
            if let bar = s.firstIndex(of: 0x7C) { s = s[(bar + 1)...] }
        }
        // Broken YAML: a quote or wiki link that was opened and never closed.
        if s.first == 0x22, !s.dropFirst().contains(0x22) { s = s.dropFirst() }
        if s.last == 0x22, !s.dropLast().contains(0x22) { s = s.dropLast() }
        if s.starts(with: [0x5B, 0x5B]), !contains(s, [0x5D, 0x5D]) { s = s.dropFirst(2) }
        return Array(trimmed(s))
    }

    /// Without the quotes around it, when it has matching ones (and more than them).
    static func unquoted<C: BidirectionalCollection<UInt8>>(_ v: C) -> C.SubSequence {
        if v.count >= 2, let f = v.first, f == 0x22 || f == 0x27, v.last == f { return v.dropFirst().dropLast() }
        return v[...]
    }

    /// Without " ", tab and U+00A0 (C2 A0) at either end.
    static func trimmed<C: BidirectionalCollection<UInt8>>(_ v: C) -> C.SubSequence {
        var s = v[...]
        while true {
            if let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst(); continue }
            if s.starts(with: [0xC2, 0xA0]) { s = s.dropFirst(2); continue }
            break
        }
        while true {
            if let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast(); continue }
            if s.reversed().starts(with: [0xA0, 0xC2]) { s = s.dropLast(2); continue }
            break
        }
        return s
    }

    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: [UInt8]) -> Bool {
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i...].starts(with: needle) { return true }
            i = hay.index(after: i)
        }
        return false
    }

    /// Each `needle`, left to right and not overlapping, replaced by `byte`.
    static func replacing(_ needle: [UInt8], with byte: UInt8, in v: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = 0
        while i < v.count {
            if v[i...].starts(with: needle) { out.append(byte); i += needle.count } else { out.append(v[i]); i += 1 }
        }
        return out
    }
}
