/// Scalar-level walks over valid UTF-8 bytes (as a String's are): the work of
/// `unicodeScalars.prefix` and `unicodeScalars.suffix(...).last(where:)` without
/// String indices.
enum ScalarBytes {
    /// The byte offset just past the first `count` scalars (the end when there are fewer).
    static func end(ofFirst count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var seen = 0
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] & 0xC0 != 0x80 {
                if seen == count { return i }
                seen += 1
            }
            i += 1
        }
        return n
    }

    /// The last scalar for which `match` holds among the last `window` scalars.
    static func last(in bytes: UnsafeBufferPointer<UInt8>, within window: Int, where match: (UInt32) -> Bool) -> UInt32? {
        var end = bytes.count
        var looked = 0
        while end > 0 && looked < window {
            var start = end - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let value = WordCount.decode(bytes, at: start).0
            if match(value) { return value }
            looked += 1
            end = start
        }
        return nil
    }
}
