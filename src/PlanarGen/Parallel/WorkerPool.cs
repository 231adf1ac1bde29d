using System;
using System.Threading;

namespace PlanarGen.Parallel
{
    /// <summary>
    /// Worker threads that help one training thread: created on that thread's first split step (or when it asks for more
    /// threads than it has), then woken for every step with no allocation. Each training thread has its own pool
    /// (<see cref="For"/>, a [ThreadStatic] field: the only static state here, never shared between threads), so networks
    /// trained on different threads never wait for each other and a given thread count always splits the same way. The
    /// workers are background threads; they end when the pool is collected after its training thread has ended.
    /// </summary>
    internal sealed class WorkerPool
    {
        [ThreadStatic]
        private static WorkerPool? _current;

        private readonly Crew _crew;

        private WorkerPool(int workers) => _crew = new Crew(workers);

        /// <summary>Stops the workers once nothing can run on this pool any more (its training thread has ended).</summary>
#pragma warning disable MA0055 // The only way to end the workers of a pool whose [ThreadStatic] owner has gone; it holds no unmanaged resource.
        ~WorkerPool() => _crew.Stop();
#pragma warning restore MA0055

        /// <summary>Helpers this pool has (the calling thread is not counted).</summary>
        public int Workers => _crew.Workers;

        /// <summary>This thread's pool with at least <paramref name="workers"/> helpers (a new, larger one replaces a smaller one).</summary>
        public static WorkerPool For(int workers)
        {
            WorkerPool? pool = _current;
            if (pool != null && pool.Workers >= workers) return pool;
            if (pool != null)
            {
                pool._crew.Stop();
                GC.SuppressFinalize(pool);
            }
            return _current = new WorkerPool(workers);
        }

        /// <summary>Runs parts 0 .. <paramref name="parts"/> - 1 of <paramref name="work"/>: part 0 here, the others on the
        /// workers, and returns when all have finished, rethrowing the first part's exception if any failed.</summary>
        public void Run(WorkItem work, int parts)
        {
            if (parts < 1 || parts - 1 > Workers)
                throw new ArgumentOutOfRangeException(nameof(parts), parts, $"Expected 1 to {Workers + 1} parts, but got {parts}.");
            work.BeginRun(parts);
            _crew.Start(work, parts);
            work.RunPart(0);
            _crew.Wait();
            work.ThrowIfFailed(parts);
        }

        /// <summary>The threads and their signals, apart from the pool so that the workers do not keep the pool alive.</summary>
        private sealed class Crew
        {
            private readonly ManualResetEventSlim[] _go;
            private readonly ManualResetEventSlim _done = new ManualResetEventSlim(false);
            private WorkItem? _work;
            private int _pending;
            private volatile bool _stopping;

            public Crew(int workers)
            {
                _go = new ManualResetEventSlim[workers];
                for (int k = 0; k < workers; k++)
                {
                    _go[k] = new ManualResetEventSlim(false);
                    int part = k + 1;
                    var thread = new Thread(() => Loop(part)) { IsBackground = true, Name = "PlanarGen training worker " + part };
                    thread.Start();
                }
            }

            public int Workers => _go.Length;

            public void Start(WorkItem work, int parts)
            {
                _work = work;
                _done.Reset();
                Volatile.Write(ref _pending, parts - 1);
                if (parts == 1) _done.Set();
                for (int part = 1; part < parts; part++) _go[part - 1].Set();
            }

            public void Wait() => _done.Wait();

            public void Stop()
            {
                _stopping = true;
                foreach (ManualResetEventSlim go in _go) go.Set();
            }

            private void Loop(int part)
            {
                ManualResetEventSlim go = _go[part - 1];
                while (true)
                {
                    go.Wait();
                    go.Reset();
                    if (_stopping) return;
                    _work!.RunPart(part);
                    if (Interlocked.Decrement(ref _pending) == 0) _done.Set();
                }
            }
        }
    }
}
