import Foundation

/// Environment variables looked up one name at a time: the process's own
/// (`getenv`, as folio never changes its environment), or a table given by
/// a test. The start of the reader asks for a handful of names; a Dictionary
/// of every variable, built for them, was the first String-keyed Dictionary
/// of the run, whose first use searches every protocol conformance of the
/// program (0.46 M instructions before the first frame).
public struct Environment: ExpressibleByDictionaryLiteral, Sendable {
    private let table: [String: String]?

    /// The process's environment.
    public static let process = Environment(table: nil)

    private init(table: [String: String]?) {
        self.table = table
    }

    public init(_ table: [String: String]) {
        self.table = table
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.table = Dictionary(elements, uniquingKeysWith: { first, _ in first })
    }

    public subscript(name: String) -> String? {
        if let table { return table[name] }
        return getenv(name).map { String(cString: $0) }
    }
}
