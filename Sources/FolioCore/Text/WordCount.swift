/// Counts words for reading time. Runs of letters or digits are words; in
/// scripts written without spaces (CJK), two characters count as one word,
/// which gives reading times close to those of native readers.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var ideographs = 0
        for scalar in text.unicodeScalars {
            if isIdeographic(scalar) {
                ideographs += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if !inWord { words += 1; inWord = true }
            } else if scalar == "'" || scalar == "’" || scalar == "-" {
                continue
            } else {
                inWord = false
            }
        }
        return words + (ideographs + 1) / 2
    }

    static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
