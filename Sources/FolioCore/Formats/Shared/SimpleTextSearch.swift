import Foundation

/// Foundation's `range(of:)` and `range(of:options: .backwards)`, answered from
/// the bytes when the text is simple (`SimpleCharacters`: each Character one
/// scalar with no canonical twin, all in the BMP), where any match Foundation
/// finds, however it compares, is a byte match and the reverse. Other text is
/// handed to Foundation.
enum SimpleTextSearch {
    static func first(_ needle: String, in text: String) -> Range<String.Index>? {
        SimpleCharacters.all(text) && SimpleCharacters.all(needle) ? text.utf8Range(of: needle) : text.range(of: needle)
    }

    static func last(_ needle: String, in text: String) -> Range<String.Index>? {
        guard SimpleCharacters.all(text), SimpleCharacters.all(needle) else { return text.range(of: needle, options: .backwards) }
        let hay = Array(text.utf8), pin = Array(needle.utf8)
        guard !pin.isEmpty, pin.count <= hay.count else { return nil }
        var start = hay.count - pin.count
        while start >= 0 {
            if hay[start] == pin[0], hay[start..<(start + pin.count)].elementsEqual(pin) {
                let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
                return lower..<text.utf8.index(lower, offsetBy: pin.count)
            }
            start -= 1
        }
        return nil
    }
}
