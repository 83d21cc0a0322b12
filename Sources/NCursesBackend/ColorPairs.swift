import CNCursesW
import TermKit

/// Allocates ncurses colour pairs on demand, one per (foreground, background).
struct ColorPairs {
    private let enabled: Bool
    /// Pair n is at n - 1. A theme has a handful: a list is searched as fast as
    /// a table, and the first Dictionary with a key type of its own costs a
    /// search of every protocol conformance in the program at start.
    private var pairs: [Pair] = []
    private struct Pair: Equatable { let fg: Int16; let bg: Int16 }

    init(enabled: Bool) {
        self.enabled = enabled
        if enabled {
            start_color()
            use_default_colors()
        }
    }

    mutating func pair(foreground: Color, background: Color) -> Int16 {
        guard enabled, foreground != .default || background != .default else { return 0 }
        let key = Pair(fg: Self.number(foreground), bg: Self.number(background))
        if let existing = pairs.firstIndex(of: key) { return Int16(existing + 1) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < COLOR_PAIRS else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs.append(key)
        return next
    }

    private static func number(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case .ansi(let n): return Int16(Int32(n) < COLORS ? Int32(n) : Int32(n) % 8)
        }
    }
}
