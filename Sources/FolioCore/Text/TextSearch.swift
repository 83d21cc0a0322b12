import Foundation

/// Substring search on UTF-8 without Foundation's NSString bridging, which
/// costs more than the rest of reading a small article together.
extension StringProtocol {
    /// The first occurrence of `needle`, compared byte for byte.
    func utf8Range(of needle: some StringProtocol) -> Range<String.Index>? {
        let found: Int?? = utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { pin in TextSearch.find(pin, in: hay) } ?? TextSearch.find(Array(needle.utf8), in: hay)
        }
        let offset = found ?? TextSearch.find(Array(needle.utf8), in: Array(utf8))
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: needle.utf8.count)
        return start..<end
    }

    /// True when the UTF-8 bytes hold `byte`: a plain loop over contiguous
    /// storage, not the UTF-8 view's iterator.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// True when the UTF-8 bytes hold `a` or `b`.
    func containsByte(_ a: UInt8, or b: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 == a || $0 == b } } ?? utf8.contains { $0 == a || $0 == b }
    }

    /// True when `needle` occurs, ignoring case.
    public func containsIgnoringCase(_ needle: some StringProtocol) -> Bool {
        needle.isEmpty || lowercased().utf8Range(of: needle.quickLowercased()) != nil
    }
}

extension String {
    /// Foundation's `components(separatedBy:)`, cut on bytes when the text and the
    /// separator are simple (each Character one scalar without canonical twins), where
    /// Foundation's Character-aware matches and byte matches are the same.
    func simpleComponents(separatedBy separator: String) -> [String] {
        guard !separator.isEmpty, SimpleCharacters.all(separator), SimpleCharacters.all(self) else { return components(separatedBy: separator) }
        var parts: [String] = []
        var rest = self[...]
        while let match = rest.utf8Range(of: separator) {
            parts.append(String(rest[..<match.lowerBound]))
            rest = rest[match.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

enum TextSearch {
    /// The offset of the first occurrence of `pin` in `hay`.
    static func find<H: RandomAccessCollection<UInt8>, P: RandomAccessCollection<UInt8>>(_ pin: P, in hay: H) -> Int? where H.Index == Int, P.Index == Int {
        guard let first = pin.first, pin.count <= hay.count else { return nil }
        let base = hay.startIndex
        let pinBase = pin.startIndex
        var i = base
        let last = hay.endIndex - pin.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < pin.count && hay[i + j] == pin[pinBase + j] { j += 1 }
                if j == pin.count { return i - base }
            }
            i += 1
        }
        return nil
    }
}
