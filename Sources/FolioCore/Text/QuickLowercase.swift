/// `lowercased()` with the same result, cheaper on text that is not pure ASCII:
/// the standard library then builds a String for every scalar's mapping, where
/// here ASCII bytes are mapped in place and only scalars that change when
/// lower-cased are looked up.
extension StringProtocol {
    func quickLowercased() -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }  // the standard library is quick on ASCII
        if let done = utf8.withContiguousStorageIfAvailable(QuickLowercase.lowercase) { return done }
        return Array(utf8).withUnsafeBufferPointer(QuickLowercase.lowercase)
    }
}

enum QuickLowercase {
    static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let (value, length) = WordCount.decode(bytes, at: i)
            // General punctuation (quotes, dashes) has no case; other scalars are looked up.
            if (0x2000...0x206F).contains(value) || Unicode.Scalar(value).map({ !$0.properties.changesWhenLowercased }) ?? true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            } else {
                out.append(contentsOf: Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
