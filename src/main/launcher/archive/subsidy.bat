@echo off
rem subsidy on Windows: runs lib\subsidy.jar on an installed Java 17 or newer (%JAVA_HOME%\bin\java.exe,
rem else java on PATH); the release archive's bundled runtime is for Linux.
rem The console is switched to UTF-8 (code page 65001) for the run, so that a Chinese console shows
rem the program's output (always UTF-8), and switched back afterwards.
setlocal
set "SUBSIDY_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "OLDCP="
for /f "tokens=2 delims=:" %%a in ('chcp') do set "OLDCP=%%a"
if defined OLDCP set "OLDCP=%OLDCP: =%"
if defined OLDCP set "OLDCP=%OLDCP:.=%"
chcp 65001 >nul
"%JAVA%" -XX:+DisplayVMOutputToStderr -XX:-UsePerfData -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 %SUBSIDY_JAVA_OPTS% -jar "%SUBSIDY_HOME%\lib\subsidy.jar" %*
set "CODE=%ERRORLEVEL%"
if defined OLDCP chcp %OLDCP% >nul
endlocal & exit /b %CODE%
