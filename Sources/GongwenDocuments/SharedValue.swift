import Foundation

/// A value several jobs need, made by the first job that asks for it — on a worker, beside other jobs — and
/// then shared, instead of made before any job starts while every core waits (the consolidated table's rows
/// and the plan notice's were two seconds of a 100,000-declaration build spent on one core), or once a copy
/// of a per-recipient notice.
public final class SharedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    public var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
