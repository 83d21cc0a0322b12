import Foundation

/// The lower-case ASCII letters and digits of a text with accents folded
/// ("Der Talbote" -> "dertalbote"): the key site names, domains and pull
/// quotes are compared by. Foundation's folding is the reference; text whose
/// scalars are all ASCII, Latin or general punctuation (the usual case) is
/// folded scalar by scalar from a table made once from Foundation's answers.
enum FoldedLetters {
    static func of(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            let n = bytes.count
            guard n > 0 else { return "" }
            // No fold is longer than `expansion` bytes for each byte of its scalar.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * expansion) { buffer -> String? in
                guard let out = buffer.baseAddress, let source = bytes.baseAddress else { return nil }
                var k = 0
                var i = 0
                while i < n {
                    let b = source[i]
                    if b < 0x80 {
                        // A letter in either case is "a"..."z" with 0x20 set; a digit is kept as it is.
                        let lower = b | 0x20
                        if lower &- 0x61 < 26 {
                            out[k] = lower
                            k += 1
                        } else if b &- 0x30 < 10 {
                            out[k] = b
                            k += 1
                        }
                        i += 1
                        continue
                    }
                    let (value, length) = WordCount.decode(bytes, at: i)
                    guard let folded = table(value) else { return nil }
                    for f in folded {
                        out[k] = f
                        k += 1
                    }
                    i += length
                }
                return String(decoding: UnsafeBufferPointer(start: out, count: k), as: UTF8.self)
            }
        } ?? foundation(text)
    }

    /// At least the bytes a fold has for each byte of its scalar (a test checks every one), so
    /// that the output fits in this many times the input's bytes. A constant: measuring the
    /// tables would make them (Foundation's folding of each scalar) for ASCII text too.
    static let expansion = 3

    /// Foundation's diacritic- and case-insensitive folding, lower-cased, keeping a–z and 0–9.
    static func foundation(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).quickLowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Latin-1 Supplement to Latin Extended-B, and General Punctuation.
    static let latin: ClosedRange<UInt32> = 0xA0...0x24F, punctuation: ClosedRange<UInt32> = 0x2000...0x206F

    private static let latinTable = latin.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }
    private static let punctuationTable = punctuation.map { Array(foundation(String(Unicode.Scalar($0)!)).utf8) }

    @inline(__always)
    static func table(_ v: UInt32) -> [UInt8]? {
        if latin.contains(v) { return latinTable[Int(v - latin.lowerBound)] }
        if punctuation.contains(v) { return punctuationTable[Int(v - punctuation.lowerBound)] }
        return nil
    }
}
