import Foundation

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
            return clean(bytes)
        }
    }

    /// `[FrontMatter.clean(value)]` when that is what `FrontMatter.splitWikiLinks(value)`
    /// gives: the value (unquoted) has no "]]," in it. Nil otherwise, or when the
    /// value is not simple text.
    static func oneValue(_ value: String) -> [String]? {
        var value = value
        return value.withUTF8 { bytes -> [String]? in
            guard SimpleCharacters.all(bytes) else { return nil }
            let (lo, hi) = trimmed(bytes, 0, bytes.count)
            let quoted = hi - lo >= 2 && (bytes[lo] == 0x22 || bytes[lo] == 0x27) && bytes[hi - 1] == bytes[lo]
            guard !contains(bytes, quoted ? lo + 1 : lo, quoted ? hi - 1 : hi, 0x5D, 0x5D, 0x2C) else { return nil }
            return [clean(bytes)]
        }
    }

    /// `FrontMatter.clean` of simple text, on positions in its bytes; an escaped
    /// quote inside quotes goes to `cleanEscaped`.
    static func clean(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var (lo, hi) = trimmed(b, 0, b.count)
        if hi - lo >= 2, b[lo] == 0x22 || b[lo] == 0x27, b[hi - 1] == b[lo] {
            let f = b[lo]
            lo += 1
            hi -= 1
            // '' in single quotes and \" in double quotes stand for the quote.
            if contains(b, lo, hi, f == 0x27 ? 0x27 : 0x5C, f) { return String(decoding: clean(b[...]), as: UTF8.self) }
        }
        (lo, hi) = trimmed(b, lo, hi)
        if hi - lo >= 4, b[lo] == 0x5B, b[lo + 1] == 0x5B, b[hi - 1] == 0x5D, b[hi - 2] == 0x5D {
            lo += 2
            hi -= 2
            if let bar = (lo..<hi).first(where: { b[$0] == 0x7C }) { lo = bar + 1 }
        }
        // Broken YAML: a quote or wiki link that was opened and never closed.
        if hi > lo, b[lo] == 0x22, !(lo + 1..<hi).contains(where: { b[$0] == 0x22 }) { lo += 1 }
        if hi > lo, b[hi - 1] == 0x22, !(lo..<hi - 1).contains(where: { b[$0] == 0x22 }) { hi -= 1 }
        if hi - lo >= 2, b[lo] == 0x5B, b[lo + 1] == 0x5B, !contains(b, lo, hi, 0x5D, 0x5D) { lo += 2 }
        (lo, hi) = trimmed(b, lo, hi)
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// `lo..<hi` without " ", tab and U+00A0 (C2 A0) at either end.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var lo = lo, hi = hi
        while lo < hi {
            if b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 } else if hi - lo >= 2 && b[lo] == 0xC2 && b[lo + 1] == 0xA0 { lo += 2 } else { break }
        }
        while lo < hi {
            if b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 } else if hi - lo >= 2 && b[hi - 1] == 0xA0 && b[hi - 2] == 0xC2 { hi -= 2 } else { break }
        }
        return (lo, hi)
    }

    /// Whether the bytes `first, second(, third)` occur in `lo..<hi`; each `first` that
    /// could start them is found with memchr.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Bool {
        let length = third == nil ? 2 : 3
        guard let base = b.baseAddress else { return false }
        var i = lo
        while i + length <= hi {
            guard let found = memchr(base + i, Int32(first), hi - length + 1 - i) else { return false }
            let j = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            if b[j + 1] == second && (third == nil || b[j + 2] == third!) { return true }
            i = j + 1
        }
        return false
    }

    /// `contains` a byte at a time: the reference for the tests.
    static func containsReference(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Bool {
        let length = third == nil ? 2 : 3
        var i = lo
        while i + length <= hi {
            if b[i] == first && b[i + 1] == second && (third == nil || b[i + 2] == third!) { return true }
            i += 1
        }
        return false
    }

    /// `clean` on a slice, step by step: the general form, for values with escaped quotes.
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
