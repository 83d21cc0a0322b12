import Foundation

/// A value computed on another thread while this one gets on with other work;
/// `value` waits for it.
public final class BackgroundValue<Value>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    public init(_ make: @escaping () -> Value) {
        let thread = Thread { [self] in
            result = make()
            done.signal()
        }
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// The value, once it is made (the semaphore orders the write before this read).
    public lazy var value: Value = {
        done.wait()
        return result!
    }()
}
