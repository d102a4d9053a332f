using System;

namespace MailDemo
{
    public static class Program
    {
        public static void Main()
        {
            Console.WriteLine("Build this project to see SmtpAnalyzers' warnings; it sends no mail.");
        }
    }
}
