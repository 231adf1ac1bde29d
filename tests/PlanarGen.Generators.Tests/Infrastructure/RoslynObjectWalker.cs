using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Walks a pipeline value through fields, tuples, records and collections and reports every Roslyn object that
    /// must never be cached in a model: symbols, syntax nodes, locations, syntax trees, semantic models, compilations.
    /// </summary>
    public static class RoslynObjectWalker
    {
        private static readonly Type[] Banned =
        {
            typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(SyntaxTree), typeof(SemanticModel), typeof(Compilation),
        };

        /// <summary>Paths (e.g. <c>Parse[0].Target.Containers[1]</c>) of every banned object reachable from <paramref name="value"/>.</summary>
        public static IReadOnlyList<string> Find(object? value, string path)
        {
            var found = new List<string>();
            Walk(value, path, found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            return found;
        }

        private static void Walk(object? value, string path, List<string> found, HashSet<object> seen, int depth)
        {
            if (value is null || depth > 32) return;
            Type type = value.GetType();
            if (Banned.Any(b => b.IsAssignableFrom(type)))
            {
                found.Add($"{path}: {type.FullName}");
                return;
            }
            if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || value is Type) return;
            if (!type.IsValueType && !seen.Add(value)) return;

            if (value is IEnumerable items)
            {
                int k = 0;
                foreach (object? item in items) Walk(item, $"{path}[{k++}]", found, seen, depth + 1);
            }
            for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                    Walk(field.GetValue(value), $"{path}.{field.Name}", found, seen, depth + 1);
                }
            }
        }
    }
}
