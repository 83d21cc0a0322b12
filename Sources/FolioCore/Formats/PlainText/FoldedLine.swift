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

    /// The normalized line ends with `phrase`'s bytes.
    @inline(__always)
    func hasSuffix(_ phrase: [UInt8]) -> Bool {
        let start = count - phrase.count
        guard start >= 0 else { return false }
        for k in phrase.indices where self[start + k] != phrase[k] { return false }
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
/// simple lines, without hashing or making a String. The phrases are stored one after another
/// by byte length, with a bit for each first byte of each length, so a line is compared only
/// with the few phrases of its length that start with its first byte.
struct PhraseTable {
    /// The phrases' bytes, shortest first, each length's in a fixed (sorted) order.
    private let bytes: [UInt8]
    /// For each length, where its phrases start in `bytes` and how many there are.
    private let start: [Int], count: [Int]
    /// For each length, four words of bits: one for each byte that starts a phrase of that length.
    private let firstBytes: [UInt64]

    init(_ phrases: some Sequence<String>) {
        let sorted = phrases.map { Array($0.utf8) }.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        let lengths = (sorted.last?.count ?? 0) + 1
        var start = [Int](repeating: 0, count: lengths), count = start
        var firstBytes = [UInt64](repeating: 0, count: lengths * 4)
        var bytes: [UInt8] = []
        for phrase in sorted {
            if count[phrase.count] == 0 { start[phrase.count] = bytes.count }
            count[phrase.count] += 1
            bytes += phrase
            if let b = phrase.first { firstBytes[phrase.count * 4 + Int(b >> 6)] |= 1 << UInt64(b & 63) }
        }
        self.bytes = bytes
        self.start = start
        self.count = count
        self.firstBytes = firstBytes
    }

    func contains(_ line: FoldedLine) -> Bool {
        let n = line.count
        guard n < count.count else { return false }
        guard n > 0 else { return count[0] > 0 }
        let first = line[0]
        guard firstBytes[n * 4 + Int(first >> 6)] & (1 << UInt64(first & 63)) != 0 else { return false }
        return bytes.withUnsafeBufferPointer { all in
            var offset = start[n]
            for _ in 0..<count[n] {
                if all[offset] == first {
                    var k = 1
                    while k < n && line[k] == all[offset + k] { k += 1 }
                    if k == n { return true }
                }
                offset += n
            }
            return false
        }
    }
}
