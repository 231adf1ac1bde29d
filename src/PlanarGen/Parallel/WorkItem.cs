using System;
using System.Runtime.ExceptionServices;

namespace PlanarGen.Parallel
{
    /// <summary>
    /// Work a <see cref="WorkerPool"/> runs in parts: part 0 on the calling thread, the others on its workers. An item is
    /// created once and reused for every run, so a run allocates nothing; an exception thrown by a part is kept and rethrown
    /// on the calling thread (lowest part first) after every part has finished.
    /// </summary>
    internal abstract class WorkItem
    {
        private ExceptionDispatchInfo?[] _errors = Array.Empty<ExceptionDispatchInfo?>();

        /// <summary>Does part <paramref name="part"/> of the current run.</summary>
        protected abstract void Execute(int part);

        /// <summary>Prepares the record of errors for <paramref name="parts"/> parts (grows only on a larger run).</summary>
        internal void BeginRun(int parts)
        {
            if (_errors.Length < parts) _errors = new ExceptionDispatchInfo?[parts];
            else Array.Clear(_errors, 0, parts);
        }

        /// <summary>Runs one part, keeping its exception for <see cref="ThrowIfFailed"/>.</summary>
        internal void RunPart(int part)
        {
            try
            {
                Execute(part);
            }
#pragma warning disable CA1031 // Every exception of a worker is carried to the caller, not swallowed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _errors[part] = ExceptionDispatchInfo.Capture(e);
            }
        }

        /// <summary>Rethrows the exception of the lowest failed part, if any, with its original stack trace.</summary>
        internal void ThrowIfFailed(int parts)
        {
            for (int part = 0; part < parts; part++) _errors[part]?.Throw();
        }
    }
}
