import Foundation

/// A value computed on another thread while this one gets on with other work;
/// `value` and `take()` wait for it. Used from one thread.
public final class BackgroundValue<Value>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    public init(_ make: @escaping () -> Value) {
        let thread = Thread { [self] in
            result = make()
            done.signal()
        }
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// The value, once it is made (the semaphore orders the write before this read).
    public var value: Value {
        wait()
        return result!
    }

    /// The value, handed over: this keeps no copy of it, so a collection taken
    /// can be changed in place instead of copied whole on its first change.
    public func take() -> Value {
        wait()
        defer { result = nil }
        return result!
    }

    private func wait() {
        guard !finished else { return }
        done.wait()
        finished = true
    }
}
