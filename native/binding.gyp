{
  'targets': [
    {
      'target_name': 'memscope',
      'sources': [
        'src/memscope.cc',
        'src/args.cc',
        'src/gc.cc',
        'src/gc_accounting.cc',
        'src/heap_graph.cc',
        'src/graph_walk.cc',
        'src/snapshot_reader.cc',
        'src/string_pool.cc',
        'src/heap_stats.cc',
        'src/object_id.cc',
        'src/sampling.cc',
      ],
      'include_dirs': [
        "<!(node -p \"require('node-addon-api').include_dir\")",
      ],
      'defines': [
        'NAPI_VERSION=8',
        'NODE_ADDON_API_DISABLE_DEPRECATED',
        # Exception policy: C++ exceptions on. Argument checks throw
        # Napi::TypeError from one helper and unwind out of deep walks, and
        # _ALL turns std::bad_alloc (a heap graph of a big heap needs several
        # large vectors) into a JS error instead of std::terminate. RAII
        # owners delete the snapshot and the profile on every path.
        'NAPI_CPP_EXCEPTIONS',
        'NODE_ADDON_API_CPP_EXCEPTIONS_ALL',
      ],
      # Node 20's V8 headers need C++17; set it rather than inherit it.
      'cflags!': ['-fno-exceptions'],
      'cflags_cc!': ['-fno-exceptions', '-std=gnu++17', '-std=gnu++20'],
      'cflags': ['-fvisibility=hidden'],
      'cflags_cc': ['-fexceptions', '-fvisibility=hidden', '-fvisibility-inlines-hidden'],
      # V8's headers need C++20 from Node 23 (NODE_MODULE_VERSION 131) on;
      # Node 20 and 22 build as C++17.
      'conditions': [
        ['node_module_version >= 131', {
          'cflags_cc': ['-std=c++20'],
          'xcode_settings': { 'CLANG_CXX_LANGUAGE_STANDARD': 'c++20' },
        }, {
          'cflags_cc': ['-std=c++17'],
        }],
      ],
      'xcode_settings': {
        'CLANG_CXX_LANGUAGE_STANDARD': 'c++17',
        'GCC_ENABLE_CPP_EXCEPTIONS': 'YES',
        'GCC_SYMBOLS_PRIVATE_EXTERN': 'YES',
        'MACOSX_DEPLOYMENT_TARGET': '10.15',
      },
      'msvs_settings': {
        'VCCLCompilerTool': {
          'ExceptionHandling': 1,
          'AdditionalOptions': ['/std:c++17'],
        },
      },
    },
  ],
}
