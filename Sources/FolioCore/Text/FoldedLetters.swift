import Foundation

/// The lower-case ASCII letters and digits of a text with accents folded
/// ("Der Talbote" -> "dertalbote"): the key site names, domains and pull
/// quotes are compared by. Foundation's folding is the reference; text whose
/// scalars are all ASCII, Latin or general punctuation (the usual case) is
/// folded scalar by scalar from a table made once from Foundation's answers.
enum FoldedLetters {
    static func of(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { out.append(b) } else if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) }
            } else if let folded = table(v) {
                out.append(contentsOf: folded)
            } else {
                return foundation(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

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
    private static func table(_ v: UInt32) -> [UInt8]? {
        if latin.contains(v) { return latinTable[Int(v - latin.lowerBound)] }
        if punctuation.contains(v) { return punctuationTable[Int(v - punctuation.lowerBound)] }
        return nil
    }
}
