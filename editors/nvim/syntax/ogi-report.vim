" Highlighting for the ogi-report filetype: a *.ogi.md file keeps Markdown's highlighting; section headings
" (一、总体情况 …) and statute references stand out in any report. The server's diagnostics do the rest.
if exists('b:current_syntax')
  finish
endif
if expand('%:e') ==# 'md'
  runtime! syntax/markdown.vim
  unlet! b:current_syntax
endif
syntax match ogiSection /^\s*\(一、总体情况\|二、主动公开政府信息情况\|三、收到和处理政府信息公开申请情况\|四、政府信息公开行政复议、行政诉讼情况\|五、存在的主要问题及改进情况\|六、其他需要报告的事项\).*$/
syntax match ogiStatute /第[一二三四五六七八九十百零0-9]\+条\(第[(（][一二三四五六七八九十0-9]\+[)）]项\)\?/
highlight default link ogiSection Title
highlight default link ogiStatute Underlined
let b:current_syntax = 'ogi-report'
