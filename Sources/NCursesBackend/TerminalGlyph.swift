import CNCursesW
import TermKit

/// Splits a grapheme into what ncurses can draw so that ncurses, the terminal
/// and folio agree on its width. ncurses measures with the C library's
/// `wcwidth`; where that disagrees with folio's width (an emoji made wide by
/// U+FE0F, a long ZWJ sequence) the first scalar is drawn and padded.
enum TerminalGlyph {
    /// Groups of scalars; each group becomes one `cchar_t`.
    static func scalars(for symbol: String, width: Int) -> [[Unicode.Scalar]] {
        let all = Array(symbol.unicodeScalars)
        guard let base = all.first else { return [[" "]] }
        let baseWidth = Int(folio_wcwidth(wchar_t(bitPattern: base.value)))
        if baseWidth == width {
            // Combining marks ride along (ncurses allows a few per cell).
            let marks = all.dropFirst().filter { folio_wcwidth(wchar_t(bitPattern: $0.value)) == 0 && $0.value != 0x200D }
            return [[base] + marks.prefix(Int(CCHARW_MAX) - 1)]
        }
        if baseWidth == 1 && width == 2 { return [[base], [" "]] }
        return Array(repeating: ["?"], count: max(1, width))
    }
}
