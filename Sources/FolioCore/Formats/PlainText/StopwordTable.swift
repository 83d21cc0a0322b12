/// The ASCII words of a set (those of one to eight bytes, as `PackedWordSet` keeps them) for
/// looking up a word that lies in a buffer: each is packed as it lies in memory (its first byte
/// lowest, zeros above its last), so a word is packed from one unaligned load. The table has
/// buckets of two slots and a multiplier chosen so that no bucket holds more than two words:
/// a look-up is one product and at most two comparisons. Made once and never freed.
struct StopwordTable: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<UInt64>
    private let shift: UInt64
    private let multiplier: UInt64
    /// Bytes in the longest word the table holds.
    let longest: Int

    init(_ words: some Sequence<String>) {
        let keys = Set(words.filter { $0.utf8.count <= 8 && !$0.isEmpty && $0.utf8.allSatisfy { $0 > 0 && $0 < 0x80 } }
            .map { Self.key($0.utf8) })
        longest = keys.map { (64 - $0.leadingZeroBitCount + 7) / 8 }.max() ?? 0
        var bits = 4
        while 1 << bits < keys.count { bits += 1 }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var attempts = 0
        // In a fixed order, so that the table is the same every run.
        let sorted = keys.sorted()
        while true {
            let shift = UInt64(64 - bits)
            var counts = [UInt8](repeating: 0, count: 1 << bits)
            var fits = true
            for key in sorted {
                let bucket = Int(truncatingIfNeeded: (key &* multiplier) >> shift)
                counts[bucket] += 1
                if counts[bucket] > 2 { fits = false; break }
            }
            if fits { break }
            attempts += 1
            if attempts % 32 == 0 { bits += 1 }
            // The next odd multiplier, from a fixed sequence.
            multiplier = (multiplier &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) | 1
        }
        self.multiplier = multiplier
        shift = UInt64(64 - bits)
        slots = .allocate(capacity: 2 << bits)
        slots.initialize(repeating: 0, count: 2 << bits)
        for key in sorted {
            let bucket = Int(truncatingIfNeeded: (key &* multiplier) >> shift) << 1
            slots[slots[bucket] == 0 ? bucket : bucket | 1] = key
        }
    }

    /// A word's bytes packed as they lie in memory: the first byte lowest.
    static func key(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        var offset: UInt64 = 0
        for b in bytes { key |= UInt64(b) << offset; offset += 8 }
        return key
    }

    /// True when the word packed by `key` is in the table (an empty slot is 0, which no word packs to).
    @inline(__always)
    func contains(key: UInt64) -> Bool {
        let bucket = Int(truncatingIfNeeded: (key &* multiplier) &>> shift) &<< 1
        return slots[bucket] == key || slots[bucket | 1] == key
    }

    /// Whether the word at `start..<end` of `bytes`, each byte `| 0x20` (which lower-cases ASCII
    /// letters and leaves apostrophes), is in the table: `TextSignals.isStopword(letters:…)`.
    @inline(__always)
    func contains(letters bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end &- start
        guard length <= longest, length > 0, let base = bytes.baseAddress else { return false }
        let key: UInt64
        if start &+ 8 <= bytes.count {
            // The word's bytes and the ones after it; those are masked off.
            let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020
            key = word & (UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- length) &* 8))
        } else if end >= 8 {
            // Near the buffer's end: the eight bytes that end with the word, those before it shifted out.
            let word = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020
            key = word &>> UInt64(truncatingIfNeeded: (8 &- length) &* 8)
        } else {
            var packed: UInt64 = 0
            var k = end
            while k > start { k -= 1; packed = packed << 8 | UInt64(bytes[k] | 0x20) }
            key = packed
        }
        return contains(key: key)
    }
}
