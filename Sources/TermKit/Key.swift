/// A key press, independent of the terminal library that read it.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a letter, stored lowercase: Ctrl-D is `.ctrl("d")`.
    case ctrl(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, escape, delete, insert
    case function(Int)

    /// The name used in configuration files and key tables:
    /// `j`, `G`, `<Space>`, `<Down>`, `<C-d>`, `<F1>`.
    public var name: String {
        switch self {
        case .char(" "): return "<Space>"
        case .char("<"): return "<lt>"
        case .char(let c): return String(c)
        case .ctrl(let c): return "<C-\(c)>"
        case .function(let n): return "<F\(n)>"
        default: return "<\(Key.specialNames.first { $0.1 == self }!.0)>"
        }
    }

    /// A short label for help screens and hints: `j`, `↓`, `^D`, `PgDn`.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "^" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .escape: return "Esc"
        case .backTab: return "S-Tab"
        case .function(let n): return "F\(n)"
        default: return Key.specialNames.first { $0.1 == self }!.0
        }
    }

    /// Parses a name as written by `name` (case-insensitive inside `<…>`).
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        guard name.hasPrefix("<"), name.hasSuffix(">"), name.count > 2 else { return nil }
        let inner = String(name.dropFirst().dropLast())
        let lower = inner.lowercased()
        if lower == "space" { self = .char(" "); return }
        if lower == "lt" { self = .char("<"); return }
        if lower.hasPrefix("c-"), inner.count == 3, let c = lower.last, c.isLetter {
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        guard let match = Key.specialNames.first(where: { $0.0.lowercased() == lower }) else { return nil }
        self = match.1
    }

    private static let specialNames: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PageDown", .pageDown),
        ("Enter", .enter), ("Tab", .tab), ("BackTab", .backTab), ("Backspace", .backspace),
        ("Esc", .escape), ("Delete", .delete), ("Insert", .insert),
    ]
}

/// A mouse click or wheel turn at a cell.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What a backend reports to the run loop.
public enum Event: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// A signal that asks the program to end (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
    case terminate(signal: Int32)
    /// The terminal has gone away (reads fail); the program must end.
    case inputClosed
}
