/// A unit's `normalized` text where it lies in the unit's own bytes: the bytes of the
/// trimmed line, each ASCII capital read lower-cased. `TextSignals.normalizedASCII` and
/// `normalizedFast` make nothing else of a line of ASCII and plain marks (which are
/// caseless), so phrases are compared with these bytes without making that String.
/// Only for simple text (see `SimpleCharacters`), where equal Strings have equal bytes.
struct FoldedLine {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// Byte `k` as the normalized String has it.
    @inline(__always)
    subscript(k: Int) -> UInt8 {
        let b = bytes[k]
        return b &- 0x41 < 26 ? b | 0x20 : b
    }

    /// The normalized line starts with `phrase`'s bytes.
    @inline(__always)
    func hasPrefix(_ phrase: [UInt8]) -> Bool {
        guard phrase.count <= count else { return false }
        for k in phrase.indices where self[k] != phrase[k] { return false }
        return true
    }

    /// The normalized line as a String (what `normalizedASCII` or `normalizedFast` return).
    func string() -> String { Self.string(bytes) }

    /// The bytes with ASCII capitals lower-cased, as a String.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        return String(unsafeUninitializedCapacity: count) { out in
            guard count > 0, let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            var k = 0
            while k < count {
                // Eight ASCII bytes at once; a word with another byte (a plain mark's) a byte at a time.
                if k + 8 <= count {
                    let word = UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(target + k).storeBytes(of: TextSignals.asciiLowercased(word), as: UInt64.self)
                        k += 8
                        continue
                    }
                }
                let stop = min(k + 8, count)
                while k < stop { let b = source[k]; target[k] = b &- 0x41 < 26 ? b | 0x20 : b; k += 1 }
            }
            return count
        }
    }
}

/// A fixed set of phrases looked up by a `FoldedLine`'s bytes: `Set<String>.contains` for
/// simple lines, without hashing or making a String. Phrases are kept by byte length, so a
/// line is compared only with the few of its length, first byte first.
struct PhraseTable {
    private let byLength: [[[UInt8]]]

    init(_ phrases: some Sequence<String>) {
        let bytes = phrases.map { Array($0.utf8) }
        var byLength = [[[UInt8]]](repeating: [], count: (bytes.map(\.count).max() ?? 0) + 1)
        // In a fixed order, so that look-ups compare in the same order every run.
        for phrase in bytes.sorted(by: { $0.lexicographicallyPrecedes($1) }) { byLength[phrase.count].append(phrase) }
        self.byLength = byLength
    }

    func contains(_ line: FoldedLine) -> Bool {
        let n = line.count
        guard n < byLength.count, n > 0 else { return n == 0 && byLength.first?.isEmpty == false }
        let first = line[0]
        for phrase in byLength[n] where phrase[0] == first && line.hasPrefix(phrase) { return true }
        return false
    }
}
