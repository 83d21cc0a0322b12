/// An element's attributes, names lower-case, in a small array: most elements
/// have none or two or three, and a linear look-up of a short name beats
/// hashing it into a dictionary per element. A name set twice keeps its last
/// value, as a dictionary would.
struct HTMLAttributes: ExpressibleByDictionaryLiteral {
    /// In the order set (a name set again keeps its place).
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    var isEmpty: Bool { pairs.isEmpty }
    var count: Int { pairs.count }

    subscript(name: String) -> String? {
        get {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
        set {
            if let i = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }
}
