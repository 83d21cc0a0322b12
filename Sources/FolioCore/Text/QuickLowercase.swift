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

extension QuickLowercase {
    /// False when `text.lowercased()` certainly does not contain `needle` (lower-case ASCII),
    /// found without lower-casing: only ASCII letters and two other scalars lower-case to
    /// ASCII (U+0130 "İ" to "i̇", U+212A KELVIN SIGN to "k"), so without those two it is an
    /// ASCII search ignoring case.
    static func lowercasedMayContain(_ text: String, ascii needle: String) -> Bool {
        let pin = Array(needle.utf8)
        var text = text
        return text.withUTF8 { bytes in
            guard let first = pin.first, bytes.count >= pin.count else { return pin.isEmpty }
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b == 0xC4 && i + 1 < bytes.count && bytes[i + 1] == 0xB0 { return true }
                if b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA { return true }
                guard (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == first, i + pin.count <= bytes.count else { continue }
                var k = 1
                while k < pin.count, (bytes[i + k] >= 0x41 && bytes[i + k] <= 0x5A ? bytes[i + k] | 0x20 : bytes[i + k]) == pin[k] { k += 1 }
                if k == pin.count { return true }
            }
            return false
        }
    }
}
