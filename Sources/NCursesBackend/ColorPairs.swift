import CNCursesW
import TermKit

/// Allocates ncurses colour pairs on demand, one per (foreground, background).
struct ColorPairs {
    private let enabled: Bool
    private var pairs: [Pair: Int16] = [:]
    private struct Pair: Hashable { let fg: Int16; let bg: Int16 }

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
        if let existing = pairs[key] { return existing }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < COLOR_PAIRS else { return 0 }
        init_pair(next, key.fg, key.bg)
        pairs[key] = next
        return next
    }

    private static func number(_ color: Color) -> Int16 {
        switch color {
        case .default: return -1
        case .ansi(let n): return Int16(Int32(n) < COLORS ? Int32(n) : Int32(n) % 8)
        }
    }
}
