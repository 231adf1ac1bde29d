using System;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
#if NET5_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif

namespace PlanarGen
{
    /// <summary>Compiles a generated network's methods before their first call; each network's <c>Precompile()</c> calls it
    /// with the names of the methods its chosen vectors run.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class CodePreparation
    {
        /// <summary>Runs the JIT now on every method of <paramref name="network"/> named in <paramref name="methodNames"/> (all
        /// overloads; a generic one with <see cref="NoTrainingObserver"/>, which the observer-less <c>Train</c> uses). Returns at
        /// once on .NET where code is not JIT-compiled (Native AOT).</summary>
        /// <exception cref="ArgumentException">A name matches no method of the type (the network and the runtime disagree).</exception>
        public static void Prepare(
#if NET5_0_OR_GREATER
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)]
#endif
            Type network, params string[] methodNames)
        {
            if (network is null) throw new ArgumentNullException(nameof(network));
            if (methodNames is null) throw new ArgumentNullException(nameof(methodNames));
#if NET5_0_OR_GREATER
            // Native AOT (and any runtime without a JIT) compiled everything ahead of time: nothing to prepare.
            if (!RuntimeFeature.IsDynamicCodeCompiled) return;
#endif
            MethodInfo[] methods = network.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (string name in methodNames)
            {
                bool found = false;
                foreach (MethodInfo method in methods)
                {
                    if (method.Name != name) continue;
                    found = true;
                    if (method.IsGenericMethodDefinition)
                        RuntimeHelpers.PrepareMethod(method.MethodHandle, new[] { typeof(NoTrainingObserver).TypeHandle });
                    else
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
                if (!found)
                    throw new ArgumentException($"Expected {network.FullName} to declare a method named '{name}', but it has none.", nameof(methodNames));
            }
        }
    }
}
